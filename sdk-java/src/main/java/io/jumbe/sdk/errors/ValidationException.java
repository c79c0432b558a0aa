package io.jumbe.sdk.errors;

/**
 * The request was rejected as invalid (HTTP 400, 413 or 422): {@code validation_failed}, {@code invalid_recipient}, {@code sender_not_allowed}, {@code webhook_url_not_allowed} and the like; {@link #fieldErrors()} lists the offending fields.
 */
public class ValidationException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata
     */
    public ValidationException(ApiProblem problem) {
        super(problem);
    }
}
