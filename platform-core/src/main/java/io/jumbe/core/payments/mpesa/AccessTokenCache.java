package io.jumbe.core.payments.mpesa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One Daraja app's OAuth token, shared by every thread. Daraja invalidates the previous token whenever a new
 * one is issued, so at most one fetch runs at a time and every caller reuses its result.
 */
final class AccessTokenCache {

    /** A token and how long Daraja said it lives. */
    record IssuedToken(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "IssuedToken[value=<redacted>, lifetime=" + lifetime + "]";
        }
    }

    private record Cached(String value, Instant refreshAt) {
    }

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final Supplier<IssuedToken> fetcher;
    private final Clock clock;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private volatile Cached current;

    AccessTokenCache(Supplier<IssuedToken> fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** A token valid for a while yet, fetched only when none is cached or the cached one is about to expire. */
    String get() {
        Cached cached = current;
        if (isFresh(cached)) {
            return cached.value();
        }
        fetchLock.lock();
        try {
            cached = current;
            if (isFresh(cached)) {
                return cached.value();
            }
            IssuedToken issued = fetcher.get();
            Cached fetched = new Cached(issued.value(), clock.instant().plus(issued.lifetime().minus(margin(issued))));
            current = fetched;
            return fetched.value();
        } finally {
            fetchLock.unlock();
        }
    }

    /**
     * Forgets the token if it is still the cached one; a token another thread already replaced stays, so
     * several calls failing with the same stale token cause one refresh.
     */
    void invalidate(String rejectedToken) {
        fetchLock.lock();
        try {
            Cached cached = current;
            if (cached != null && cached.value().equals(rejectedToken)) {
                current = null;
            }
        } finally {
            fetchLock.unlock();
        }
    }

    private boolean isFresh(Cached cached) {
        return cached != null && clock.instant().isBefore(cached.refreshAt());
    }

    // Refresh a few minutes early (Daraja issues 3599 s tokens), or halfway through a short-lived one.
    private static Duration margin(IssuedToken issued) {
        Duration half = issued.lifetime().dividedBy(2);
        return half.compareTo(MAX_MARGIN) < 0 ? half : MAX_MARGIN;
    }
}
