package io.jumbe.core.ratelimit;

/** Counts a tenant's requests per one-minute window against its tier's allowance. */
public interface RateLimiter {

    /** The verdict for one request, with what the {@code RateLimit-*} headers report. */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    Decision acquire(long tenantId, int limitPerMinute);
}
