package io.jumbe.core.whatsapp;

import java.time.Instant;

/**
 * Filters of the cross-channel history ({@code GET /messages}); null means "any". {@code to} is exclusive.
 *
 * @param channel {@code sms}, {@code whatsapp} or null
 * @param status  a status's wire name, or null
 */
public record MessageFilter(String channel, String status, String recipient, String reference, Instant from,
                            Instant to) {
    public static MessageFilter none() {
        return new MessageFilter(null, null, null, null, null, null);
    }
}
