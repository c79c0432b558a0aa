package io.jumbe.core.apikeys;

/** A key just created: {@code secret} is shown once and never stored. */
public record IssuedKey(ApiKey key, String secret) {
}
