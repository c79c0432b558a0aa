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
 * @param manualMax     largest manual (bank transfer) top-up request ({@code MANUAL_TOPUP_MAX})
 */
public record TopupSettings(Money min, Money max, Duration queryAfter, Duration pendingExpiry, Money manualMax) {

    /** KES 1,000,000: the default ceiling of a manual top-up request. */
    public static final Money DEFAULT_MANUAL_MAX = Money.ofCents(100_000_000);

    public TopupSettings {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(manualMax, "manualMax");
        if (queryAfter.isNegative() || pendingExpiry.isNegative()) {
            throw new IllegalArgumentException("top-up durations must not be negative");
        }
    }

    /** With the default ceiling of manual requests, {@link #DEFAULT_MANUAL_MAX}. */
    public TopupSettings(Money min, Money max, Duration queryAfter, Duration pendingExpiry) {
        this(min, max, queryAfter, pendingExpiry, DEFAULT_MANUAL_MAX);
    }

    /** KES 100 to 50,000, asked about after 60 s, expired after 10 min: the documented defaults. */
    public static TopupSettings defaults() {
        return new TopupSettings(Money.ofCents(10_000), Money.ofCents(5_000_000), Duration.ofSeconds(60),
                Duration.ofMinutes(10));
    }

    /** The settings the environment gave. */
    public static TopupSettings from(JumbeConfig config) {
        return new TopupSettings(config.topupMin(), config.topupMax(), config.mpesa().queryAfter(),
                config.mpesa().pendingExpiry(), config.manualTopupMax());
    }

    /** How long to wait before asking Daraja again about a push it says is still being processed. */
    Duration askAgainAfter() {
        Duration cap = Duration.ofSeconds(30);
        Duration floor = Duration.ofMillis(500);
        Duration d = queryAfter.compareTo(cap) > 0 ? cap : queryAfter;
        return d.compareTo(floor) < 0 ? floor : d;
    }
}
