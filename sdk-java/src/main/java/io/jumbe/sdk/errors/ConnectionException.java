package io.jumbe.sdk.errors;

/**
 * No answer was received: the connection failed, timed out or was cut, still so after the SDK's retries,
 * or the calling thread was interrupted while waiting to retry. {@link #status()} is {@code 0}.
 */
public class ConnectionException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause   the underlying I/O failure or interruption
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
