package io.jumbe.sdk;

import java.time.Duration;

/**
 * Waits between retries and between polls. The default sleeps the calling thread; tests pass one that
 * records the requested waits and returns at once.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that blocks the calling thread with {@link Thread#sleep(long)}.
     *
     * @return a sleeper backed by the real clock
     */
    static Sleeper threadSleep() {
        return d -> Thread.sleep(d.toMillis());
    }
}
