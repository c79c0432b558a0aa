package io.jumbe.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous (a job, a delivery) to become true, failing the test if it never does. */
public final class Eventually {
    private Eventually() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
