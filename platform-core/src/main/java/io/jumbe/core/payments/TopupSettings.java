package io.jumbe.core.payments;

import io.jumbe.core.common.Money;
import io.jumbe.core.config.JumbeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The rules of M-Pesa top-ups.
 *
 * @param min           smallest top-up ({@code TOPUP_MIN})
 * @param max           largest top-up ({@code TOPUP_MAX})
 * @param queryAfter    a top-up still pending this long after the push is asked about by STK Query
 *                      ({@code MPESA_QUERY_AFTER})
 * @param pendingExpiry a top-up with no final answer this long after it was created fails as expired
 *                      ({@code MPESA_PENDING_EXPIRY})
 */
public record TopupSettings(Money min, Money max, Duration queryAfter, Duration pendingExpiry) {

    public TopupSettings {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (queryAfter.isNegative() || pendingExpiry.isNegative()) {
            throw new IllegalArgumentException("top-up durations must not be negative");
        }
    }

    /** KES 100 to 50,000, asked about after 60 s, expired after 10 min: the documented defaults. */
    public static TopupSettings defaults() {
        return new TopupSettings(Money.ofCents(10_000), Money.ofCents(5_000_000), Duration.ofSeconds(60),
                Duration.ofMinutes(10));
    }

    /** The settings the environment gave. */
    public static TopupSettings from(JumbeConfig config) {
        return new TopupSettings(config.topupMin(), config.topupMax(), config.mpesa().queryAfter(),
                config.mpesa().pendingExpiry());
    }

    /** How long to wait before asking Daraja again about a push it says is still being processed. */
    Duration askAgainAfter() {
        Duration cap = Duration.ofSeconds(30);
        Duration floor = Duration.ofMillis(500);
        Duration d = queryAfter.compareTo(cap) > 0 ? cap : queryAfter;
        return d.compareTo(floor) < 0 ? floor : d;
    }
}
