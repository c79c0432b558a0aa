package io.jumbe.sdk.sms;

import io.jumbe.sdk.internal.Query;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The range for {@link SmsService#statistics(SmsStatisticsParams)}; both ends optional.
 */
public final class SmsStatisticsParams {
    private final Object from;
    private final Object to;

    private SmsStatisticsParams(Object from, Object to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Statistics for the given days, both inclusive.
     *
     * @param from the first day, or {@code null}
     * @param to   the last day, or {@code null}
     * @return the parameters
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
     */
    public static SmsStatisticsParams between(Instant from, Instant to) {
        return new SmsStatisticsParams(from, to);
    }

    /**
     * No range: the server's default (today and this month).
     *
     * @return empty parameters
     */
    public static SmsStatisticsParams none() {
        return new SmsStatisticsParams(null, null);
    }

    Query toQuery() {
        return new Query().add("from", from).add("to", to);
    }
}
