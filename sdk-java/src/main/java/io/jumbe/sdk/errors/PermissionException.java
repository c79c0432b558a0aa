package io.jumbe.sdk.errors;

/**
 * The key may not act here (HTTP 403): another tenant's {@code client_id} ({@code forbidden}) or a suspended account ({@code account_suspended}).
 */
public class PermissionException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public PermissionException(ApiProblem problem) {
        super(problem);
    }
}
