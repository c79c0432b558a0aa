package io.jumbe.core.jobs;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process among the instances sharing one database: a fresh identity (never an old process's), a heartbeat row
 * written every {@code every}, and the release of the jobs held by an instance whose heartbeat is older than
 * {@code deadAfter}, so a killed instance's work is picked up within {@code deadAfter + every} rather than at the
 * end of its claims' leases (which stay long, so a slow batch is never sent twice).
 *
 * <p>Two guards keep a live instance's work from being taken: this instance stops claiming and submitting once its
 * own last successful beat is older than {@code deadAfter - every} ({@link #mayWork()}), and it releases others'
 * claims only after beating without a failure for {@code deadAfter} itself, so after an outage of the database
 * every instance has had time to beat again before anyone judges the others dead.
 */
public final class InstanceHeartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);
    /** How often an instance beats by default. */
    public static final Duration EVERY = Duration.ofSeconds(2);
    /** How old a heartbeat is when its instance is taken for dead by default. */
    public static final Duration DEAD_AFTER = Duration.ofSeconds(10);

    private final Jdbi jdbi;
    private final JobQueue jobs;
    private final Clock clock;
    private final String id;
    private final Duration every;
    private final Duration deadAfter;
    private final Instant startedAt;
    private final AtomicInteger liveInstances = new AtomicInteger(1);
    private volatile String host;
    private volatile Instant lastBeat;
    private volatile Instant healthySince;
    private volatile boolean failing;
    private volatile boolean running;
    private volatile Runnable onReleased = () -> { };
    private ScheduledExecutorService timer;

    public InstanceHeartbeat(Jdbi jdbi, JobQueue jobs, Clock clock, Duration every, Duration deadAfter) {
        if (!every.multipliedBy(2).minus(deadAfter).isNegative()) {
            throw new IllegalArgumentException("an instance must be able to miss a beat before it is taken for dead");
        }
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.clock = clock;
        this.every = every;
        this.deadAfter = deadAfter;
        this.id = newInstanceId();
        this.startedAt = clock.instant();
    }

    /** A new identity: random, so a restarted process never takes over the claims of the one before it. */
    static String newInstanceId() {
        return "instance-" + UUID.randomUUID();
    }

    /** This instance's identity, the {@code locked_by} of the jobs it claims. */
    public String id() {
        return id;
    }

    /**
     * Beats once now (so the instance is known before it claims anything), then every {@code every}; after each
     * beat, releases the claims of dead instances and runs {@code released} when it released some.
     */
    public synchronized void start(Runnable released) {
        if (running) {
            return;
        }
        this.onReleased = Objects.requireNonNull(released);
        running = true;
        tick();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "instance-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One beat and one look for dead instances; what the timer runs (and a test, with its own clock). */
    public void tick() {
        try {
            beat();
            int released = releaseDead();
            if (released > 0) {
                onReleased.run();
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("instance {} could not beat (the database is unreachable?); it stops claiming work until "
                        + "it beats again", id, e);
            }
            failing = true;
            healthySince = null;
        }
    }

    /** Writes this instance's heartbeat and counts the live instances. */
    public void beat() {
        if (host == null) {
            host = host(); // a name lookup: outside the transaction, and once
        }
        Instant now = clock.instant();
        int live = jdbi.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE instances SET heartbeat_at = :now WHERE id = :id")
                    .bind("now", now).bind("id", id).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO instances (id, host, started_at, heartbeat_at) VALUES (:id, :host, "
                                + ":started, :now) ON CONFLICT DO NOTHING")
                        .bind("id", id).bind("host", host).bind("started", startedAt).bind("now", now).execute();
            }
            return h.createQuery("SELECT COUNT(*) FROM instances WHERE heartbeat_at >= :since")
                    .bind("since", now.minus(deadAfter)).mapTo(Integer.class).one();
        });
        liveInstances.set(Math.max(1, live));
        lastBeat = now;
        if (healthySince == null) {
            healthySince = now;
        }
        if (failing) {
            log.info("instance {} beats again", id);
            failing = false;
        }
    }

    /**
     * Releases the jobs held by instances whose heartbeat is older than {@code deadAfter} and forgets them; nothing
     * while this instance has not itself beaten without a failure for {@code deadAfter} (just after an outage of
     * the database everybody's heartbeat looks old).
     *
     * @return how many jobs were released
     */
    public int releaseDead() {
        Instant now = clock.instant();
        Instant since = healthySince;
        if (since == null || Duration.between(since, now).compareTo(deadAfter) < 0) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            List<String> dead = h.createQuery("SELECT id FROM instances WHERE heartbeat_at < :before AND id <> :me "
                            + "ORDER BY id FOR UPDATE SKIP LOCKED")
                    .bind("before", now.minus(deadAfter)).bind("me", id).mapTo(String.class).list();
            if (dead.isEmpty()) {
                return 0;
            }
            int released = jobs.releaseClaimsOf(h, dead, "released: its instance stopped beating");
            h.createUpdate("DELETE FROM instances WHERE id IN (<ids>)").bindList("ids", dead).execute();
            log.warn("instances {} stopped beating; released the {} job(s) they held", dead, released);
            return released;
        });
    }

    /**
     * Whether this instance may claim and submit work: true before {@link #start} (a program that runs no
     * heartbeat, a test driving a worker by hand), else while its last beat is recent enough that nobody takes it
     * for dead before its work is done.
     */
    public boolean mayWork() {
        if (!running) {
            return true;
        }
        Instant last = lastBeat;
        return last != null && Duration.between(last, clock.instant()).compareTo(deadAfter.minus(every)) < 0;
    }

    /** Instances beating now, this one included (at least 1): for sharing an upstream's rate between them. */
    public int liveInstances() {
        return liveInstances.get();
    }

    /**
     * Stops beating, releases what this instance still holds (its workers are stopped first) and removes its row,
     * so nobody waits for its heartbeat to go stale. The database being down then is logged, not thrown: the
     * others release its claims once its heartbeat is old.
     */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        timer.shutdownNow();
        try {
            int released = jdbi.inTransaction(h -> {
                int n = jobs.releaseClaimsOf(h, List.of(id), "released: its instance stopped");
                h.createUpdate("DELETE FROM instances WHERE id = :id").bind("id", id).execute();
                return n;
            });
            if (released > 0) {
                log.info("instance {} stopped and released {} job(s) it had not finished", id, released);
            }
        } catch (RuntimeException e) {
            log.warn("instance {} could not release its claims on stopping; others will once its heartbeat is "
                    + "{} old", id, deadAfter, e);
        }
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 200 ? name.substring(0, 200) : name;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
