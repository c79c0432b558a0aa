package io.jumbe.sdk.analytics;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Today and this month ({@code GET /analytics/summary}), in days of the platform's time zone (Africa/Nairobi).
 *
 * @param today     today's messages, cost, deliveries and failures
 * @param thisMonth this month's messages, cost and top-ups
 */
public record AnalyticsSummary(Today today, @Json(name = "this_month") ThisMonth thisMonth) {

    /**
     * Today.
     *
     * @param messagesSent messages accepted and charged today
     * @param cost         KES charged minus refunded today
     * @param delivered    messages delivered today
     * @param failed       messages failed today
     * @param byChannel    the same per channel ({@code sms}, {@code whatsapp})
     */
    public record Today(@Json(name = "messages_sent") long messagesSent, BigDecimal cost, long delivered, long failed,
                        @Json(name = "by_channel") Map<String, Usage> byChannel) {
    }

    /**
     * This month.
     *
     * @param messagesSent  messages accepted and charged this month
     * @param cost          KES charged minus refunded this month
     * @param topUps        top-ups completed this month
     * @param totalToppedUp KES they brought
     * @param byChannel     messages and cost per channel ({@code sms}, {@code whatsapp})
     */
    public record ThisMonth(@Json(name = "messages_sent") long messagesSent, BigDecimal cost,
                            @Json(name = "top_ups") long topUps,
                            @Json(name = "total_topped_up") BigDecimal totalToppedUp,
                            @Json(name = "by_channel") Map<String, Usage> byChannel) {
    }
}
