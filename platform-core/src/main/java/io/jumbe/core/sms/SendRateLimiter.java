package io.jumbe.core.sms;

/**
 * Caps messages per second sent upstream from this instance ({@code ONFON_MAX_TPS}): each acquisition books its
 * messages' share of time after the previous one and sleeps until its slot, so the average never exceeds the cap.
 */
public final class SendRateLimiter {
    private final long nanosPerMessage;
    private long nextFree;

    /** @param perSecond messages per second; 0 or less means no cap */
    public SendRateLimiter(int perSecond) {
        this.nanosPerMessage = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
        this.nextFree = System.nanoTime();
    }

    /** Waits until {@code messages} may go. */
    public void acquire(int messages) throws InterruptedException {
        if (nanosPerMessage == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextFree);
            nextFree = start + nanosPerMessage * messages;
            wait = start - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
