package io.jumbe.sdk.analytics;

import java.util.List;

/** The body of {@code GET /analytics/daily}. */
record DailySeries(List<DailyUsage> data) {
}
