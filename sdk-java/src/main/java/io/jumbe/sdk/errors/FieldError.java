package io.jumbe.sdk.errors;

/**
 * One offending field of a rejected request, as listed in the {@code errors} member of a validation problem.
 *
 * @param field   the JSON name of the field, for example {@code recipient}
 * @param message what is wrong with it, in words
 */
public record FieldError(String field, String message) {
}
