package io.jumbe.sdk.account;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The account's month at a glance.
 *
 * @param periodStart       the start of the month covered
 * @param messagesSent      messages sent this month
 * @param messagesDelivered messages delivered this month
 * @param messagesFailed    messages failed this month
 * @param spend             KES spent on messages this month
 * @param topups            KES credited by top-ups this month
 * @param balance           the wallet balance now, in KES
 * @param currency          {@code KES}
 */
public record AccountStatistics(@Json(name = "period_start") Instant periodStart,
                                @Json(name = "messages_sent") long messagesSent,
                                @Json(name = "messages_delivered") long messagesDelivered,
                                @Json(name = "messages_failed") long messagesFailed, BigDecimal spend,
                                BigDecimal topups, BigDecimal balance, String currency) {
}
