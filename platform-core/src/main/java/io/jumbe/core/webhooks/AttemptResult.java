package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * What happened on one delivery attempt, as the delivery log records it.
 *
 * @param attemptedAt   when the attempt started (its {@code webhook-timestamp})
 * @param httpStatus    the receiver's HTTP status, or null if no response was received
 * @param latencyMillis from the start of the attempt to the response headers (or to the failure)
 * @param error         null when the receiver answered; otherwise what went wrong, e.g. {@code timeout after 15s},
 *                      {@code connection refused}, {@code blocked by SSRF guard: …}; for a 3xx answer, a note that
 *                      the redirect was not followed
 * @param responseBody  the first 1 KiB of the response body as UTF-8 (empty if none), never more
 * @param success       true for a 2xx answer
 * @param gone          true for 410 Gone: the receiver asks to stop, turn the tenant's webhooks off
 */
public record AttemptResult(Instant attemptedAt, Integer httpStatus, long latencyMillis, String error,
                            String responseBody, boolean success, boolean gone) {

    /** Bytes of response body kept for the delivery log. */
    public static final int MAX_RESPONSE_BODY_BYTES = 1024;

    /**
     * An attempt that got an HTTP answer.
     *
     * @param attemptedAt   start of the attempt
     * @param status        the HTTP status
     * @param latencyMillis latency
     * @param error         null, or a note (e.g. redirect not followed)
     * @param responseBody  the kept start of the body
     * @return the result
     */
    public static AttemptResult answered(Instant attemptedAt, int status, long latencyMillis, String error,
                                         String responseBody) {
        return new AttemptResult(attemptedAt, status, latencyMillis, error, responseBody,
                status >= 200 && status < 300, status == 410);
    }

    /**
     * An attempt that got no HTTP answer.
     *
     * @param attemptedAt   start of the attempt
     * @param latencyMillis time until the failure
     * @param error         what went wrong
     * @return the result
     */
    public static AttemptResult failed(Instant attemptedAt, long latencyMillis, String error) {
        return new AttemptResult(attemptedAt, null, latencyMillis, error, "", false, false);
    }

    /** @return true if the guard refused the address; retrying will not help unless DNS changes */
    public boolean blocked() {
        return error != null && error.startsWith(WebhookSender.BLOCKED_PREFIX);
    }
}
