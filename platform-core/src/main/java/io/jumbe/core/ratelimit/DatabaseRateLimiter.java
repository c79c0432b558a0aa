package io.jumbe.core.ratelimit;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Fixed one-minute windows counted in PostgreSQL with one upsert per request, so every instance sharing the
 * database sees the same count.
 */
public final class DatabaseRateLimiter implements RateLimiter {
    private final Jdbi jdbi;
    private final Clock clock;
    private volatile long lastPurgeWindow;

    public DatabaseRateLimiter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Decision acquire(long tenantId, int limit) {
        long now = clock.millis();
        long window = now / 60_000;
        int count = jdbi.withHandle(h -> h.createQuery("INSERT INTO rate_limit_windows (tenant_id, window_start, hits) "
                        + "VALUES (:t, :w, 1) ON CONFLICT (tenant_id, window_start) "
                        + "DO UPDATE SET hits = rate_limit_windows.hits + 1 RETURNING hits")
                .bind("t", tenantId).bind("w", window).mapTo(Integer.class).one());
        if (window != lastPurgeWindow) {
            lastPurgeWindow = window;
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM rate_limit_windows WHERE window_start < :w")
                    .bind("w", window - 1).execute());
        }
        long reset = Math.max(1, ((window + 1) * 60_000 - now + 999) / 1000);
        return new Decision(count <= limit, limit, Math.max(0, limit - count), reset);
    }

    static long windowOf(Instant t) {
        return t.toEpochMilli() / 60_000;
    }
}
