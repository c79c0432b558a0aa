package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Message counts, segments and cost over a range. Without a range the server fills {@code today} and
 * {@code thisMonth} as nested statistics.
 *
 * @param from      start of the range as the server wrote it (a date or a timestamp)
 * @param to        end of the range as the server wrote it
 * @param total     messages in the range
 * @param byStatus  messages per status word ({@code queued}, {@code delivered}, …)
 * @param segments  segments in the range
 * @param cost      KES charged in the range
 * @param refunded  KES returned in the range
 * @param today     today's statistics, when given
 * @param thisMonth this month's statistics, when given
 */
public record SmsStatistics(String from, String to, Long total, @Json(name = "by_status") Map<String, Long> byStatus,
                            Long segments, BigDecimal cost, BigDecimal refunded, SmsStatistics today,
                            @Json(name = "this_month") SmsStatistics thisMonth) {
    /**
     * Normalises an absent map to an empty one.
     *
     * @param from      start of the range
     * @param to        end of the range
     * @param total     messages
     * @param byStatus  messages per status
     * @param segments  segments
     * @param cost      KES charged
     * @param refunded  KES returned
     * @param today     today's statistics
     * @param thisMonth this month's statistics
     */
    public SmsStatistics {
        byStatus = byStatus == null ? Map.of() : Map.copyOf(byStatus);
    }
}
