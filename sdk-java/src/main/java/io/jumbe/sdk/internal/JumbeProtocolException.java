package io.jumbe.sdk.internal;

import io.jumbe.sdk.errors.JumbeException;

/**
 * A successful answer whose body did not have the documented shape.
 */
public final class JumbeProtocolException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what did not match
     * @param cause   the JSON failure
     */
    public JumbeProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
