package io.jumbe.core.common;

/** One offending input field and what is wrong with it. */
public record FieldError(String field, String message) {
}
