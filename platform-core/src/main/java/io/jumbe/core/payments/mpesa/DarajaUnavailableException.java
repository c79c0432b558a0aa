package io.jumbe.core.payments.mpesa;

/**
 * Daraja could not answer: a network failure or timeout, a 5xx such as {@code 500.003.02} (spike arrest),
 * {@code 500.003.03} (quota) or {@code 500.003.1001}, or an answer we could not read. For a push the prompt
 * may or may not have reached the customer; STK Query later tells.
 */
public final class DarajaUnavailableException extends DarajaException {

    /**
     * @param httpStatus   HTTP status, or 0 when no answer arrived
     * @param errorCode    Daraja's {@code errorCode}, or null
     * @param errorMessage Daraja's or our words
     * @param requestId    Daraja's {@code requestId}, or null
     * @param cause        the I/O failure, or null
     */
    public DarajaUnavailableException(int httpStatus, String errorCode, String errorMessage, String requestId,
            Throwable cause) {
        super(httpStatus, errorCode, errorMessage, requestId, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
