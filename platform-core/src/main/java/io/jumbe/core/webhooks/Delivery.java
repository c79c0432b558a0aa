package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * One event on its way to one tenant's receiver.
 *
 * @param id            {@code WH-…}
 * @param tenantId      the tenant
 * @param eventType     e.g. {@code balance.updated}
 * @param eventId       the domain event's id
 * @param webhookId     the {@code webhook-id} header, the same on every attempt, retry and replay
 * @param status        {@code pending}, {@code succeeded} or {@code failed}
 * @param attempts      attempts made so far
 * @param nextAttemptAt when a pending delivery is tried next, else null
 * @param lastError     what went wrong last, or null
 * @param createdAt     when the event happened
 * @param updatedAt     last change of this delivery
 */
public record Delivery(String id, long tenantId, String eventType, String eventId, String webhookId, String status,
                       int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant updatedAt) {

    /** Still to be delivered. */
    public static final String PENDING = "pending";
    /** The receiver answered 2xx. */
    public static final String SUCCEEDED = "succeeded";
    /** Attempts ran out, the receiver answered 410, or webhooks were turned off. */
    public static final String FAILED = "failed";
}
