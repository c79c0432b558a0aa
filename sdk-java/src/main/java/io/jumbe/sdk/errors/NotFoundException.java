package io.jumbe.sdk.errors;

/**
 * The resource does not exist for this tenant (HTTP 404, code {@code not_found}).
 */
public class NotFoundException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public NotFoundException(ApiProblem problem) {
        super(problem);
    }
}
