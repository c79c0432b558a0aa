package io.jumbe.sdk.errors;

import java.util.List;

/**
 * Root of every failure the SDK reports. Unchecked, so one {@code catch (JumbeException e)} covers them all.
 *
 * <p>For an answer from the API it carries the HTTP status, the stable problem {@code code}, the problem's
 * {@code detail}, the offending fields of a validation failure and the request id the server gave in
 * {@code X-Request-Id} (quote it when asking for support). Failures that never reached an answer
 * ({@link ConnectionException}) have status {@code 0}.
 */
public class JumbeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, 0 without an answer. */
    private final int status;
    /** The problem code. */
    private final String code;
    /** The problem detail. */
    private final String detail;
    private final transient List<FieldError> fieldErrors;
    /** The X-Request-Id of the answer. */
    private final String requestId;

    /**
     * Creates an exception describing an API answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public JumbeException(ApiProblem problem) {
        super(problem.describe());
        this.status = problem.status();
        this.code = problem.code();
        this.detail = problem.detail();
        this.fieldErrors = List.copyOf(problem.fieldErrors());
        this.requestId = problem.requestId();
    }

    /**
     * Creates an exception for a failure that has no API answer.
     *
     * @param message what went wrong
     * @param cause   the underlying cause, or {@code null}
     */
    protected JumbeException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = null;
        this.detail = message;
        this.fieldErrors = List.of();
        this.requestId = null;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, or {@code 0} when no answer was received
     */
    public int status() {
        return status;
    }

    /**
     * The stable machine-readable problem code, such as {@code insufficient_balance}.
     *
     * @return the code, or {@code null} when the answer carried none
     */
    public String code() {
        return code;
    }

    /**
     * The human-readable explanation of this occurrence.
     *
     * @return the problem's {@code detail}, or {@code null}
     */
    public String detail() {
        return detail;
    }

    /**
     * The offending fields of a validation failure.
     *
     * @return the field errors; empty when there are none
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors == null ? List.of() : fieldErrors;
    }

    /**
     * The request id from the {@code X-Request-Id} response header.
     *
     * @return the id, or {@code null} when the server sent none
     */
    public String requestId() {
        return requestId;
    }
}
