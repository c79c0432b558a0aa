package io.jumbe.core.sms;

import java.util.function.LongSupplier;

/**
 * Caps messages per second sent upstream from this instance ({@code ONFON_MAX_TPS}): each acquisition books its
 * messages' share of time after the previous one and sleeps until its slot, so the average never exceeds the cap.
 */
public final class SendRateLimiter implements io.jumbe.core.ratelimit.UpstreamLimiter {
    /** How the limiter waits; a test passes one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long nanosPerMessage;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFree;

    /** @param perSecond messages per second; 0 or less means no cap */
    public SendRateLimiter(int perSecond) {
        this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public SendRateLimiter(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.nanosPerMessage = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextFree = nanoTime.getAsLong();
    }

    /** Waits until {@code messages} may go. */
    @Override
    public void acquire(int messages) throws InterruptedException {
        if (nanosPerMessage == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long start = Math.max(now, nextFree);
            nextFree = start + nanosPerMessage * messages;
            wait = start - now;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
