package io.jumbe.sdk.analytics;

import io.jumbe.sdk.internal.ApiCalls;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Usage analytics under {@code /api/{client_id}/analytics}. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#analytics()}. A client built with a test key sees test mode's usage only.
 * Thread-safe.
 */
public final class AnalyticsService {
    private final ApiCalls calls;
    private final AnalyticsApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public AnalyticsService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(AnalyticsApi.class);
    }

    /**
     * Today and this month ({@code GET /analytics/summary}).
     *
     * @return the summary
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public AnalyticsSummary summary() {
        return calls.execute(api.summary());
    }

    /**
     * Every day of {@code [from, to]}, zeros included, all channels ({@code GET /analytics/daily}).
     *
     * @param from first day
     * @param to   last day, included; at most 366 days after {@code from}
     * @return one entry per day, oldest first
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails ({@code validation_failed} for a bad range)
     */
    public List<DailyUsage> daily(LocalDate from, LocalDate to) {
        return daily(from, to, null);
    }

    /**
     * As {@link #daily(LocalDate, LocalDate)}, for one channel.
     *
     * @param from    first day
     * @param to      last day, included
     * @param channel {@code sms} or {@code whatsapp}; null for both
     * @return one entry per day, oldest first
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public List<DailyUsage> daily(LocalDate from, LocalDate to, String channel) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return calls.execute(api.daily(from.toString(), to.toString(), channel)).data();
    }
}
