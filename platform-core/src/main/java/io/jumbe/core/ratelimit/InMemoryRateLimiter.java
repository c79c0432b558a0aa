package io.jumbe.core.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed one-minute windows counted in this process: right for the embedded single-instance default. Several
 * instances must share counts, so they use {@link DatabaseRateLimiter}.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Map<Long, long[]> windows = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision acquire(long tenantId, int limit) {
        long now = clock.millis();
        long window = now / 60_000;
        long[] state = windows.compute(tenantId, (k, v) -> {
            if (v == null || v[0] != window) {
                return new long[] {window, 1};
            }
            v[1]++;
            return v;
        });
        long count;
        synchronized (state) {
            count = state[1];
        }
        long reset = Math.max(1, ((window + 1) * 60_000 - now + 999) / 1000);
        return new Decision(count <= limit, limit, (int) Math.max(0, limit - count), reset);
    }
}
