package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to the account's receiver, with every attempt.
 *
 * @param deliveryId    the delivery's id, {@code WH-…}
 * @param webhookId     the {@code webhook-id} header, the same on every attempt
 * @param event         the event name
 * @param status        pending, delivered or failed
 * @param url           where it was sent
 * @param attemptCount  attempts made so far
 * @param attempts      every attempt, oldest first (in the single-delivery view)
 * @param createdAt     when the event was recorded
 * @param nextAttemptAt when the next attempt is due, while pending
 * @param deliveredAt   when a 2xx arrived
 */
public record WebhookDelivery(@Json(name = "delivery_id") String deliveryId,
                              @Json(name = "webhook_id") String webhookId, String event, DeliveryStatus status,
                              String url, @Json(name = "attempt_count") Integer attemptCount,
                              List<DeliveryAttempt> attempts, @Json(name = "created_at") Instant createdAt,
                              @Json(name = "next_attempt_at") Instant nextAttemptAt,
                              @Json(name = "delivered_at") Instant deliveredAt) {
    /**
     * Normalises an absent list to an empty one.
     *
     * @param deliveryId    the id
     * @param webhookId     the {@code webhook-id}
     * @param event         the event name
     * @param status        the state
     * @param url           the receiver URL
     * @param attemptCount  attempts so far
     * @param attempts      the attempts
     * @param createdAt     recorded at
     * @param nextAttemptAt next attempt
     * @param deliveredAt   delivered at
     */
    public WebhookDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
