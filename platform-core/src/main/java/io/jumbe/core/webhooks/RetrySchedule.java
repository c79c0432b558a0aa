package io.jumbe.core.webhooks;

import io.jumbe.core.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * When to retry a failed delivery: {@code WEBHOOK_RETRY_SCHEDULE}, a comma-separated list of delays after the 1st,
 * 2nd, … failed attempt (default {@value #DEFAULT}, about a day in all). Each delay is spread by a random
 * ±{@link #DEFAULT_JITTER} so that many deliveries failing together do not come back together.
 *
 * @param delays the delays before attempt 2, 3, …; empty means a single attempt and no retries
 * @param jitter the spread as a fraction of each delay, 0 to 1 (0.1 is ±10%)
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    /** The default {@code WEBHOOK_RETRY_SCHEDULE}. */
    public static final String DEFAULT = "5s,5m,30m,2h,5h,10h,14h,20h,24h";
    /** The default spread, ±10%. */
    public static final double DEFAULT_JITTER = 0.1;

    /** Validates and copies the delays. */
    public RetrySchedule {
        delays = List.copyOf(delays);
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("retry jitter must be between 0 and 1, was " + jitter);
        }
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("retry delays must not be negative");
            }
        }
    }

    /**
     * Reads a schedule with {@link #DEFAULT_JITTER}.
     *
     * @param spec e.g. {@code "5s,5m,30m,2h"}; spaces around entries are ignored; blank means no retries
     * @return the schedule
     * @throws IllegalArgumentException naming the entry that does not parse (see {@link Durations#parse(String)})
     */
    public static RetrySchedule parse(String spec) {
        List<Duration> delays = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            String[] entries = spec.split(",", -1);
            for (int i = 0; i < entries.length; i++) {
                try {
                    delays.add(Durations.parse(entries[i]));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("retry schedule entry " + (i + 1) + ": " + bad.getMessage(), bad);
                }
            }
        }
        return new RetrySchedule(delays, DEFAULT_JITTER);
    }

    /** @return the schedule {@value #DEFAULT} */
    public static RetrySchedule defaults() {
        return parse(DEFAULT);
    }

    /** @return the most attempts a delivery gets: the first one plus one per delay */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * How long to wait after a failed attempt.
     *
     * @param failedAttempt the number of the attempt that just failed, 1 for the first
     * @param random        the source of jitter (seed it in tests)
     * @return the delay with jitter applied, or empty if that was the last attempt: mark the delivery failed
     * @throws IllegalArgumentException if {@code failedAttempt} is below 1
     */
    public Optional<Duration> nextDelay(int failedAttempt, Random random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1, was " + failedAttempt);
        }
        if (failedAttempt > delays.size()) {
            return Optional.empty();
        }
        long millis = delays.get(failedAttempt - 1).toMillis();
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.round(millis * factor)));
    }
}
