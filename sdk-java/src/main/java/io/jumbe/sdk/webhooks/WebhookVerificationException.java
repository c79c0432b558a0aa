package io.jumbe.sdk.webhooks;

import io.jumbe.sdk.errors.JumbeException;

/**
 * A delivery failed verification: answer it with 400 and do not act on it. {@link #reason()} says why.
 */
public class WebhookVerificationException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /** Why a delivery was refused. */
    public enum Reason {
        /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is absent. */
        MISSING_HEADER,
        /** {@code webhook-timestamp} is not a number of seconds. */
        INVALID_TIMESTAMP,
        /** The timestamp is older than the tolerance allows (a replay, or a badly wrong clock). */
        TIMESTAMP_TOO_OLD,
        /** The timestamp is further in the future than the tolerance allows. */
        TIMESTAMP_TOO_NEW,
        /** No {@code v1} signature in the header matches the body. */
        NO_MATCHING_SIGNATURE,
        /** The signature matched but the body is not a webhook event. */
        INVALID_PAYLOAD
    }

    /** Why verification failed. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why verification failed
     * @param message the reason in words
     */
    public WebhookVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason  why verification failed
     * @param message the reason in words
     * @param cause   the underlying failure, or {@code null}
     */
    public WebhookVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Why verification failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
