package io.jumbe.sdk.errors;

/**
 * The {@code Idempotency-Key} was already used with another body (HTTP 422 {@code idempotency_conflict}), or the first request with it is still running (HTTP 409).
 */
public class IdempotencyConflictException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public IdempotencyConflictException(ApiProblem problem) {
        super(problem);
    }
}
