package io.jumbe.sdk.errors;

/**
 * The API key is missing, unknown or revoked (HTTP 401, code {@code unauthorized}).
 */
public class AuthenticationException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public AuthenticationException(ApiProblem problem) {
        super(problem);
    }
}
