package io.jumbe.sdk.account;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The account's month at a glance.
 *
 * @param period            the month covered, as the server writes it (for example {@code 2025-10})
 * @param messagesSent      messages sent this month
 * @param messagesDelivered messages delivered this month
 * @param messagesFailed    messages failed this month
 * @param spend             KES spent on messages this month
 * @param topups            KES credited by top-ups this month
 * @param balance           the wallet balance now, in KES
 * @param currency          {@code KES}
 */
public record AccountStatistics(String period, @Json(name = "messages_sent") Long messagesSent,
                                @Json(name = "messages_delivered") Long messagesDelivered,
                                @Json(name = "messages_failed") Long messagesFailed, BigDecimal spend,
                                BigDecimal topups, BigDecimal balance, String currency) {
}
