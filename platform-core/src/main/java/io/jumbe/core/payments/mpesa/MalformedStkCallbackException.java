package io.jumbe.core.payments.mpesa;

/** The body POSTed to our STK callback URL is not a readable {@code Body.stkCallback}; answer it with 400. */
public final class MalformedStkCallbackException extends RuntimeException {

    /** @param message what is wrong, safe to log (never the body's values) */
    public MalformedStkCallbackException(String message) {
        super(message);
    }

    /** @param message what is wrong; @param cause the parse failure */
    public MalformedStkCallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
