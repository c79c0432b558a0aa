package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;

/**
 * What happened when a {@code webhook.test} event was sent to the configured URL.
 *
 * @param deliveryId   the delivery's id in the delivery log
 * @param webhookId    the {@code webhook-id} header the test carried
 * @param success      whether the receiver answered 2xx
 * @param httpStatus   the receiver's HTTP status, or {@code null} when it did not answer
 * @param latencyMs    how long the receiver took, in milliseconds
 * @param error        the connection error or refused status, when there was one
 * @param responseBody the first 1 KiB of the receiver's answer
 */
public record WebhookTestResult(@Json(name = "delivery_id") String deliveryId,
                                @Json(name = "webhook_id") String webhookId, boolean success,
                                @Json(name = "http_status") Integer httpStatus,
                                @Json(name = "latency_ms") long latencyMs, String error,
                                @Json(name = "response_body") String responseBody) {
}
