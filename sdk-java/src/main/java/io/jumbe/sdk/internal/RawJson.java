package io.jumbe.sdk.internal;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks a {@code String} member that holds a JSON value exactly as the server wrote it (numbers keep their
 * spelling, so {@code 250.00} stays {@code 250.00}), rather than a JSON string.
 */
@Documented
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface RawJson {
}
