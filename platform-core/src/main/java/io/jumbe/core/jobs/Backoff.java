package io.jumbe.core.jobs;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random delay up to base * 2^(attempt-1), capped. */
public record Backoff(Duration base, Duration cap) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    public Duration delayAfter(int attempt) {
        long ceiling = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        ceiling = Math.min(ceiling, cap.toMillis());
        long half = ceiling / 2;
        // "equal jitter": never less than half the ceiling, so retries still spread out as attempts grow
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
