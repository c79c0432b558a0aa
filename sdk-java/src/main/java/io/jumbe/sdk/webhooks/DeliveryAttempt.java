package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import java.time.Instant;

/**
 * One attempt to deliver an event.
 *
 * @param attemptedAt  when it was made
 * @param httpStatus   the receiver's status, or {@code null} when it did not answer
 * @param latencyMs    how long it took, in milliseconds
 * @param success      whether the receiver answered 2xx
 * @param error        the connection error, timeout or refused status, when there was one
 * @param responseBody the first 1 KiB of the receiver's answer
 */
public record DeliveryAttempt(@Json(name = "attempted_at") Instant attemptedAt,
                              @Json(name = "http_status") Integer httpStatus,
                              @Json(name = "latency_ms") long latencyMs, boolean success, String error,
                              @Json(name = "response_body") String responseBody) {
}
