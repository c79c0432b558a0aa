package io.jumbe.core.payments.mpesa;

/**
 * A Daraja call that did not succeed. Carries what Daraja said ({@code errorCode}, {@code errorMessage},
 * {@code requestId}) when it said anything. The subclass tells whether Daraja definitely refused
 * ({@link DarajaRejectedException}) or whether the outcome is unknown and a later attempt may work
 * ({@link DarajaUnavailableException}).
 */
public abstract sealed class DarajaException extends RuntimeException
        permits DarajaRejectedException, DarajaUnavailableException {

    private final int httpStatus;
    private final String errorCode;
    private final String requestId;
    private final String errorMessage;

    DarajaException(int httpStatus, String errorCode, String errorMessage, String requestId, Throwable cause) {
        super(summary(httpStatus, errorCode, errorMessage), cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
    }

    /** The HTTP status Daraja answered, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Daraja's code: the {@code errorCode} of an error body ({@code 400.002.02}, {@code 500.003.02}, …), or the
     * non-zero {@code ResponseCode} of an acknowledgement; null when Daraja gave none.
     */
    public String errorCode() {
        return errorCode;
    }

    /** Daraja's words ({@code errorMessage} or {@code ResponseDescription}), or ours when it gave none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Daraja's {@code requestId}, or null. */
    public String requestId() {
        return requestId;
    }

    /** True when trying again later may succeed. */
    public abstract boolean isTransient();

    private static String summary(int status, String code, String message) {
        StringBuilder text = new StringBuilder("Daraja");
        if (status > 0) {
            text.append(" HTTP ").append(status);
        }
        if (code != null) {
            text.append(" ").append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
