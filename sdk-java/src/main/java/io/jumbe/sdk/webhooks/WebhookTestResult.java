package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;

/**
 * What happened when a {@code webhook.test} event was sent to the configured URL.
 *
 * @param success    whether the receiver answered 2xx
 * @param httpStatus the receiver's HTTP status, or {@code null} when it did not answer
 * @param latencyMs  how long the receiver took, in milliseconds
 * @param error      the connection error, when there was one
 * @param deliveryId the delivery's id in the delivery log
 */
public record WebhookTestResult(Boolean success, @Json(name = "http_status") Integer httpStatus,
                                @Json(name = "latency_ms") Long latencyMs, String error,
                                @Json(name = "delivery_id") String deliveryId) {
}
