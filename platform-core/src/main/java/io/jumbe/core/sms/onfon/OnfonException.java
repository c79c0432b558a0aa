package io.jumbe.core.sms.onfon;

/** A call to Onfon other than a send failed (sends report failures as values, see {@code SmsGateway}). */
public class OnfonException extends RuntimeException {

    private final String code;

    /**
     * @param code    the upstream error code or a local one such as {@code "timeout"}
     * @param message detail without credentials
     * @param cause   the underlying exception, may be null
     */
    public OnfonException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The upstream error code or a local one such as {@code "timeout"}. */
    public String code() {
        return code;
    }
}
