package io.jumbe.sdk.errors;

/**
 * A successful answer whose body did not have the documented shape (for example a required member missing), so
 * the SDK could not read it. {@link #status()} is {@code 0}: the call itself succeeded.
 */
public class UnexpectedResponseException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what did not match
     * @param cause   the JSON failure
     */
    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
