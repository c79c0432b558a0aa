package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * Which deliveries to list, newest first. Null fields do not filter.
 *
 * @param eventType an event type
 * @param status    {@code pending}, {@code succeeded} or {@code failed}
 * @param from      created at or after
 * @param to        created before
 */
public record DeliveryFilter(String eventType, String status, Instant from, Instant to) {
}
