package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Message counts, segments and cost over one range, the answer of
 * {@link SmsService#statistics(SmsStatisticsParams)} and each half of {@link SmsStatisticsOverview}.
 *
 * @param from     start of the range as the server wrote it (a timestamp)
 * @param to       end of the range as the server wrote it
 * @param total    messages in the range
 * @param byStatus messages per status word ({@code queued}, {@code delivered}, …)
 * @param segments segments in the range
 * @param cost     KES charged in the range, net of refunds
 * @param refunded KES returned in the range
 */
public record SmsStatistics(String from, String to, long total, @Json(name = "by_status") Map<String, Long> byStatus,
                            long segments, BigDecimal cost, BigDecimal refunded) {
    /**
     * Normalises an absent map to an empty one.
     *
     * @param from     start of the range
     * @param to       end of the range
     * @param total    messages
     * @param byStatus messages per status
     * @param segments segments
     * @param cost     KES charged
     * @param refunded KES returned
     */
    public SmsStatistics {
        byStatus = byStatus == null ? Map.of() : Map.copyOf(byStatus);
    }
}
