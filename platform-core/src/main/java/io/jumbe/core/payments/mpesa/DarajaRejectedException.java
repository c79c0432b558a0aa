package io.jumbe.core.payments.mpesa;

/**
 * Daraja definitely refused the request: a 4xx error body, a non-zero {@code ResponseCode}, or
 * {@code 500.001.1001} on a push (merchant does not exist, wrong credentials, subscriber locked). Nothing
 * was sent to the customer; retrying the same request unchanged is not expected to help soon.
 */
public final class DarajaRejectedException extends DarajaException {

    /**
     * @param httpStatus   HTTP status of Daraja's answer
     * @param errorCode    Daraja's {@code errorCode} or {@code ResponseCode}
     * @param errorMessage Daraja's words
     * @param requestId    Daraja's {@code requestId}, or null
     */
    public DarajaRejectedException(int httpStatus, String errorCode, String errorMessage, String requestId) {
        super(httpStatus, errorCode, errorMessage, requestId, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
