package io.jumbe.server.http;

import io.jumbe.core.common.FieldError;
import java.util.List;
import java.util.Map;

/** A problem that belongs to the HTTP face (authentication, routing, body size), not to a core rule. */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extras;

    public HttpProblem(int status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public HttpProblem(int status, String code, String detail, List<FieldError> fieldErrors, Map<String, Object> extras) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extras = Map.copyOf(extras);
    }

    public static HttpProblem unauthorized() {
        return new HttpProblem(401, "unauthorized", "A valid API key is required (X-API-Key header or Authorization: Bearer).");
    }

    public static HttpProblem forbidden() {
        return new HttpProblem(403, "forbidden", "This API key may not act on this account.");
    }

    public static HttpProblem validation(List<FieldError> errors) {
        return new HttpProblem(400, "validation_failed", "The request has invalid fields.", errors, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extras() {
        return extras;
    }
}
