package io.jumbe.sdk.errors;

/**
 * The server or one of its upstreams failed (HTTP 5xx, including 502 {@code payment_provider_error}) and retries did not help.
 */
public class ServerException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public ServerException(ApiProblem problem) {
        super(problem);
    }
}
