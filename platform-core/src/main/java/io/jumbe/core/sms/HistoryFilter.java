package io.jumbe.core.sms;

import java.time.Instant;

/** Filters of the message history; null means "any". {@code to} is exclusive. */
public record HistoryFilter(MessageStatus status, String recipient, String reference, Instant from, Instant to) {

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null, null, null);
    }
}
