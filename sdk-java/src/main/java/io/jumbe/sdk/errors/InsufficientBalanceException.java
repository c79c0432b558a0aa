package io.jumbe.sdk.errors;

/**
 * The wallet does not hold enough for the whole request (HTTP 402, code {@code insufficient_balance}); nothing was queued or charged.
 */
public class InsufficientBalanceException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public InsufficientBalanceException(ApiProblem problem) {
        super(problem);
    }
}
