package io.jumbe.sdk.analytics;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * Counts of a period, for all channels or one.
 *
 * @param messagesSent messages accepted and charged
 * @param cost         KES charged minus refunded
 * @param delivered    messages delivered (today's figures only; {@code null} for the month)
 * @param failed       messages failed (today's figures only; {@code null} for the month)
 */
public record Usage(@Json(name = "messages_sent") long messagesSent, BigDecimal cost, Long delivered, Long failed) {
}
