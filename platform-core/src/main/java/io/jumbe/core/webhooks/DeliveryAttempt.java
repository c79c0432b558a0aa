package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * One logged attempt of a delivery.
 *
 * @param attemptedAt   when it started
 * @param httpStatus    the receiver's status, or null when none came
 * @param latencyMillis time to the answer or the failure
 * @param succeeded     true for a 2xx answer
 * @param error         what went wrong, or null
 * @param responseBody  the first 1 KiB of the answer's body
 */
public record DeliveryAttempt(Instant attemptedAt, Integer httpStatus, long latencyMillis, boolean succeeded,
                              String error, String responseBody) {
}
