package io.jumbe.sdk.analytics;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of a daily series.
 *
 * @param date              the day, in the platform's time zone
 * @param messagesSent      messages accepted and charged that day
 * @param messagesDelivered messages delivered that day
 * @param messagesFailed    messages failed that day
 * @param cost              KES charged minus refunded that day
 */
public record DailyUsage(LocalDate date, @Json(name = "messages_sent") long messagesSent,
                         @Json(name = "messages_delivered") long messagesDelivered,
                         @Json(name = "messages_failed") long messagesFailed, BigDecimal cost) {
}
