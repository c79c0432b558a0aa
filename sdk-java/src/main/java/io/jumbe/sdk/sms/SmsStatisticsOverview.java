package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;

/**
 * Today's and this month's statistics, the answer of {@link SmsService#statisticsOverview()}.
 *
 * @param today     from the start of today (the platform's time zone) until now
 * @param thisMonth from the start of this month until now
 */
public record SmsStatisticsOverview(SmsStatistics today, @Json(name = "this_month") SmsStatistics thisMonth) {
}
