package io.jumbe.server.http;

import io.jumbe.core.ratelimit.RateLimiter;
import io.jumbe.core.tenant.Tenant;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Per-tenant request limits by tier (bronze 60, silver 120, gold 300, platinum 1000 a minute), reported on every
 * authenticated response in {@code RateLimit-*} headers; over the limit, 429 {@code rate_limited} with
 * {@code Retry-After}.
 */
public final class RateLimiting {
    private final RateLimiter limiter;

    public RateLimiting(RateLimiter limiter) {
        this.limiter = limiter;
    }

    public void check(Context ctx) {
        Tenant tenant = Authenticator.tenant(ctx);
        RateLimiter.Decision d = limiter.acquire(tenant.id(), tenant.tier().requestsPerMinute());
        ctx.header("RateLimit-Limit", Integer.toString(d.limit()));
        ctx.header("RateLimit-Remaining", Integer.toString(d.remaining()));
        ctx.header("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.resetSeconds()));
            throw new HttpProblem(429, "rate_limited", "Too many requests: your plan allows " + d.limit()
                    + " a minute. Retry after " + d.resetSeconds() + " seconds.", List.of(),
                    Map.of("retry_after", d.resetSeconds()));
        }
    }
}
