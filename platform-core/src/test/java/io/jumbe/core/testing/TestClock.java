package io.jumbe.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves by hand, shared safely with the threads of the code under test. */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;

    /** @param start the first instant it reads */
    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock starting at the real time now, in whole milliseconds (what every database stores exactly). */
    public static TestClock ofNow() {
        return new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Sets the clock to an instant. */
    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
