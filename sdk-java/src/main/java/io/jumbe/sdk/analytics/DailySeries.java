package io.jumbe.sdk.analytics;

import java.util.List;

/**
 * The body of {@code GET /analytics/daily}; {@link AnalyticsService#daily} returns its {@link #data()}.
 *
 * @param data one entry per day, oldest first
 */
public record DailySeries(List<DailyUsage> data) {
}
