package io.jumbe.sdk.errors;

import java.time.Duration;
import java.util.List;

/**
 * An RFC 9457 problem answer from the API together with the response facts the SDK keeps from it.
 *
 * @param status      HTTP status of the answer
 * @param type        the problem {@code type} URI, or {@code null}
 * @param title       the problem {@code title}, or {@code null}
 * @param detail      the problem {@code detail}, or {@code null}
 * @param code        the stable problem {@code code}, or {@code null}
 * @param fieldErrors offending fields of a validation failure, never {@code null}
 * @param requestId   value of the {@code X-Request-Id} response header, or {@code null}
 * @param retryAfter  value of the {@code Retry-After} response header, or {@code null}
 */
public record ApiProblem(int status, String type, String title, String detail, String code,
                         List<FieldError> fieldErrors, String requestId, Duration retryAfter) {

    /**
     * Normalises the field error list.
     *
     * @param status      HTTP status of the answer
     * @param type        the problem {@code type} URI, or {@code null}
     * @param title       the problem {@code title}, or {@code null}
     * @param detail      the problem {@code detail}, or {@code null}
     * @param code        the stable problem {@code code}, or {@code null}
     * @param fieldErrors offending fields of a validation failure
     * @param requestId   value of the {@code X-Request-Id} response header, or {@code null}
     * @param retryAfter  value of the {@code Retry-After} response header, or {@code null}
     */
    public ApiProblem {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /**
     * A one-line description used as the exception message.
     *
     * @return status, code, detail and request id in words
     */
    public String describe() {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            s.append(' ').append(code);
        }
        String words = detail != null ? detail : title;
        if (words != null) {
            s.append(": ").append(words);
        }
        for (FieldError e : fieldErrors) {
            s.append("; ").append(e.field()).append(": ").append(e.message());
        }
        if (requestId != null) {
            s.append(" (request id ").append(requestId).append(')');
        }
        return s.toString();
    }
}
