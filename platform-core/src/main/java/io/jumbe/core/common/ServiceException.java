package io.jumbe.core.common;

import java.util.List;
import java.util.Map;

/**
 * A rule of the platform said no. {@code code} is the stable machine code tenants see in the problem body
 * ({@code insufficient_balance}, {@code not_found}, ...); the HTTP face maps it to a status.
 */
public class ServiceException extends RuntimeException {
    private final String code;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extras;

    public ServiceException(String code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public ServiceException(String code, String detail, List<FieldError> fieldErrors) {
        this(code, detail, fieldErrors, Map.of());
    }

    public ServiceException(String code, String detail, List<FieldError> fieldErrors, Map<String, Object> extras) {
        super(detail, null, false, false);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extras = Map.copyOf(extras);
    }

    public static ServiceException notFound(String what) {
        return new ServiceException("not_found", what + " was not found");
    }

    public static ServiceException validation(String field, String message) {
        return new ServiceException("validation_failed", "The request has invalid fields",
                List.of(new FieldError(field, message)));
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Extra members for the problem body (e.g. the top-up limits). */
    public Map<String, Object> extras() {
        return extras;
    }
}
