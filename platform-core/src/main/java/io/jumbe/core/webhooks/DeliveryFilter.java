package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * Which deliveries to list, newest first. Null fields do not filter.
 *
 * @param eventType an event type
 * @param status    {@code pending}, {@code succeeded} or {@code failed}
 * @param from      created at or after
 * @param to        created before
 * @param page      1-based page
 * @param perPage   page size
 */
public record DeliveryFilter(String eventType, String status, Instant from, Instant to, int page, int perPage) {

    /** Checks the paging. */
    public DeliveryFilter {
        if (page < 1 || perPage < 1) {
            throw new IllegalArgumentException("page and perPage start at 1");
        }
    }
}
