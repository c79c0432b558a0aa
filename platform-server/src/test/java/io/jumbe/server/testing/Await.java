package io.jumbe.server.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (a callback, a job) to have happened; fails after a generous limit. */
public final class Await {
    private Await() {
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not done after 30 s; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
