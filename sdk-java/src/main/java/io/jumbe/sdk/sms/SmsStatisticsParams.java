package io.jumbe.sdk.sms;

import io.jumbe.sdk.internal.Query;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The range for {@link SmsService#statistics(SmsStatisticsParams)}: at least one end. Without {@code from} the
 * range starts at the start of this month; without {@code to} it ends now. For today and this month at once, use
 * {@link SmsService#statisticsOverview()}.
 */
public final class SmsStatisticsParams {
    private final Object from;
    private final Object to;

    private SmsStatisticsParams(Object from, Object to) {
        if (from == null && to == null) {
            throw new IllegalArgumentException("give at least one end; for today and this month use statisticsOverview()");
        }
        this.from = from;
        this.to = to;
    }

    /**
     * Statistics for the given days, both inclusive.
     *
     * @param from the first day, or {@code null}
     * @param to   the last day, or {@code null}
     * @return the parameters
     * @throws IllegalArgumentException when both ends are {@code null}
     */
    public static SmsStatisticsParams between(LocalDate from, LocalDate to) {
        return new SmsStatisticsParams(from, to);
    }

    /**
     * Statistics between two instants.
     *
     * @param from the start, or {@code null}
     * @param to   the end, or {@code null}
     * @return the parameters
     * @throws IllegalArgumentException when both ends are {@code null}
     */
    public static SmsStatisticsParams between(Instant from, Instant to) {
        return new SmsStatisticsParams(from, to);
    }

    Query toQuery() {
        return new Query().add("from", from).add("to", to);
    }
}
