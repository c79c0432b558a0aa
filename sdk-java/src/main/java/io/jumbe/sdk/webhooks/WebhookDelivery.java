package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import io.jumbe.sdk.internal.RawJson;
import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to the account's receiver. The list shows the delivery alone; the single-delivery view
 * ({@link WebhooksService#delivery(String)}) adds the body as sent and every attempt.
 *
 * @param deliveryId    the delivery's id, {@code WH-…}
 * @param event         the event name, for example {@code balance.updated}
 * @param eventId       the id of the event it carries
 * @param webhookId     the {@code webhook-id} header, the same on every attempt, retry and replay
 * @param status        pending, succeeded or failed
 * @param attemptCount  attempts made so far
 * @param nextAttemptAt when the next attempt is due, while pending
 * @param lastError     what went wrong on the last failed attempt, or {@code null}
 * @param createdAt     when the event was recorded
 * @param updatedAt     the delivery's last change
 * @param payload       the JSON body exactly as sent (single-delivery view only), or {@code null}
 * @param attempts      every attempt, oldest first (single-delivery view only)
 */
public record WebhookDelivery(@Json(name = "delivery_id") String deliveryId, String event,
                              @Json(name = "event_id") String eventId,
                              @Json(name = "webhook_id") String webhookId, DeliveryStatus status,
                              @Json(name = "attempt_count") int attemptCount,
                              @Json(name = "next_attempt_at") Instant nextAttemptAt,
                              @Json(name = "last_error") String lastError,
                              @Json(name = "created_at") Instant createdAt,
                              @Json(name = "updated_at") Instant updatedAt,
                              @RawJson String payload, List<DeliveryAttempt> attempts) {
    /**
     * Normalises an absent list to an empty one.
     *
     * @param deliveryId    the id
     * @param event         the event name
     * @param eventId       the event's id
     * @param webhookId     the {@code webhook-id}
     * @param status        the state
     * @param attemptCount  attempts so far
     * @param nextAttemptAt next attempt
     * @param lastError     the last error
     * @param createdAt     recorded at
     * @param updatedAt     last change
     * @param payload       the body as sent
     * @param attempts      the attempts
     */
    public WebhookDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
