package io.jumbe.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;

/**
 * One upstream's rate shared by every instance on one PostgreSQL: a row per upstream holds the time from which the
 * next message may go; each batch books its messages' share of time after it in one upsert and waits for its slot
 * (the generic cell rate algorithm, without burst), so N instances together never exceed the cap. One round trip
 * per batch, not per message.
 */
public final class SharedUpstreamLimiter implements UpstreamLimiter {
    private final Jdbi jdbi;
    private final Clock clock;
    private final String upstream;
    private final long microsPerMessage;

    public SharedUpstreamLimiter(Jdbi jdbi, Clock clock, String upstream, int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a shared cap needs a positive rate; use UpstreamLimiter.NONE");
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.upstream = upstream;
        this.microsPerMessage = 1_000_000L / perSecond;
    }

    @Override
    public void acquire(int messages) throws InterruptedException {
        Duration wait = book(messages);
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanosPart() % 1_000_000));
        }
    }

    /** Books {@code messages} slots and returns how long to wait for the first of them. */
    Duration book(int messages) {
        Instant now = clock.instant();
        long cost = microsPerMessage * messages;
        OffsetDateTime end = jdbi.withHandle(h -> h.createQuery("INSERT INTO upstream_rates (upstream, next_free) "
                        + "VALUES (:u, :end) ON CONFLICT (upstream) DO UPDATE SET next_free = "
                        + "GREATEST(upstream_rates.next_free, :now) + :cost * INTERVAL '1 microsecond' RETURNING next_free")
                .bind("u", upstream).bind("now", now).bind("end", now.plusNanos(cost * 1000)).bind("cost", cost)
                .mapTo(OffsetDateTime.class).one());
        Instant start = end.toInstant().minusNanos(cost * 1000);
        return Duration.between(now, start);
    }
}
