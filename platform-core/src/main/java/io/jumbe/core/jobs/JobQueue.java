package io.jumbe.core.jobs;

import io.jumbe.core.store.Batches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable outbox. Jobs are enqueued in the transaction of the change that needs them, claimed in batches
 * with {@code FOR UPDATE SKIP LOCKED} (so several instances never take the same job), and held under a lease:
 * a claim whose lease ran out (its instance died) can be claimed again.
 */
public final class JobQueue {
    private static final String COLUMNS = "id, queue, kind, payload, dedupe_key, attempts, max_attempts, run_at";
    private final Jdbi jdbi;
    private final Clock clock;

    public JobQueue(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds a job in the caller's transaction; with a dedupe key already used, adds nothing and returns false. The
     * insert itself settles it (ON CONFLICT DO NOTHING), so two instances enqueueing the same key at once get one
     * job between them and neither transaction fails.
     */
    public boolean enqueue(Handle h, NewJob job) {
        Instant now = clock.instant();
        return h.createUpdate("INSERT INTO jobs (queue, kind, payload, dedupe_key, status, attempts, max_attempts, run_at, "
                        + "created_at, updated_at) VALUES (:queue, :kind, :payload, :dedupe, 'ready', 0, :max, :runAt, :now, :now) "
                        + "ON CONFLICT DO NOTHING")
                .bind("queue", job.queue()).bind("kind", job.kind()).bind("payload", job.payload())
                .bind("dedupe", job.dedupeKey()).bind("max", job.maxAttempts())
                .bind("runAt", job.runAt() == null ? now : job.runAt()).bind("now", now)
                .execute() == 1;
    }

    /**
     * Adds many jobs in one batched statement, in the caller's transaction. Meant for fresh work whose dedupe keys
     * were just minted (new message ids): a key already used fails the transaction through the unique constraint
     * instead of being skipped.
     */
    public void enqueueAll(Handle h, java.util.Collection<NewJob> newJobs) {
        if (newJobs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Batches.insertRows(h, "INSERT INTO jobs (queue, kind, payload, dedupe_key, status, attempts, max_attempts, "
                + "run_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'ready', 0, ?, ?, ?, ?)", newJobs,
                (row, job) -> row.text(job.queue()).text(job.kind()).text(job.payload()).text(job.dedupeKey())
                        .number(job.maxAttempts()).time(job.runAt() == null ? now : job.runAt()).time(now).time(now));
    }

    /** Marks claimed jobs done in the caller's transaction; jobs whose claim was lost are left alone. */
    public void completeAll(Handle h, java.util.Collection<Job> done) {
        if (done.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("UPDATE jobs SET status = 'done', "
                + "locked_by = NULL, locked_until = NULL, last_error = NULL, updated_at = :now "
                + "WHERE id = :id AND attempts = :attempts AND status = 'running'");
        Instant now = clock.instant();
        for (Job job : done) {
            batch.bind("now", now).bind("id", job.id()).bind("attempts", job.attempts()).add();
        }
        batch.execute();
    }

    public boolean enqueue(NewJob job) {
        return jdbi.inTransaction(h -> enqueue(h, job));
    }

    /** Claims up to {@code limit} due jobs of a queue for {@code lease}; expired claims of dead workers included. */
    public List<Job> claim(String queue, int limit, String workerId, Duration lease) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            // Expired claims first, then due jobs: each an ordered range of the claim index (queue, status, run_at,
            // id) read only as far as the limit. One query for "ready OR expired" had PostgreSQL read and sort every
            // due job of the queue to return the first few: 8 ms a claim with a backlog of 100,000.
            List<Long> ids = new java.util.ArrayList<>(h.createQuery("SELECT id FROM jobs WHERE queue = :queue "
                            + "AND status = 'running' AND locked_until < :now ORDER BY run_at, id LIMIT :limit "
                            + "FOR UPDATE SKIP LOCKED")
                    .bind("queue", queue).bind("now", now).bind("limit", limit).mapTo(Long.class).list());
            if (ids.size() < limit) {
                ids.addAll(h.createQuery("SELECT id FROM jobs WHERE queue = :queue AND status = 'ready' "
                                + "AND run_at <= :now ORDER BY run_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                        .bind("queue", queue).bind("now", now).bind("limit", limit - ids.size()).mapTo(Long.class)
                        .list());
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            h.createUpdate("UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = :worker, "
                            + "locked_until = :until, updated_at = :now WHERE id IN (<ids>)")
                    .bind("worker", workerId).bind("until", now.plus(lease)).bind("now", now)
                    .bindList("ids", ids).execute();
            return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id IN (<ids>) ORDER BY run_at, id")
                    .bindList("ids", ids).map((rs, ctx) -> map(rs)).list();
        });
    }

    /**
     * Renews the lease of claims this worker still holds; returns the ids of those it no longer holds (done since,
     * or claimed again by someone else after the lease ran out: the attempt count fences them off).
     */
    public java.util.Set<Long> renew(java.util.Collection<Job> held, String workerId, Duration lease) {
        if (held.isEmpty()) {
            return java.util.Set.of();
        }
        List<Job> list = List.copyOf(held);
        int[] counts = jdbi.withHandle(h -> {
            org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("UPDATE jobs SET locked_until = :until, "
                    + "updated_at = :now WHERE id = :id AND attempts = :attempts AND status = 'running' "
                    + "AND locked_by = :worker");
            Instant now = clock.instant();
            for (Job job : list) {
                batch.bind("until", now.plus(lease)).bind("now", now).bind("id", job.id())
                        .bind("attempts", job.attempts()).bind("worker", workerId).add();
            }
            return batch.execute();
        });
        java.util.Set<Long> lost = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (counts[i] == 0) {
                lost.add(list.get(i).id());
            }
        }
        return lost;
    }

    /** Marks the job done; false when the claim was lost (the lease ran out and someone else took it). */
    public boolean complete(Job job) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, "
                        + "last_error = NULL, updated_at = :now WHERE id = :id AND attempts = :attempts AND status = 'running'")
                .bind("now", clock.instant()).bind("id", job.id()).bind("attempts", job.attempts()).execute() == 1);
    }

    /** Puts the job back to run at {@code runAt}; {@code countAttempt} false leaves the attempt count as it was. */
    public boolean retry(Job job, Instant runAt, String error, boolean countAttempt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET status = 'ready', run_at = :runAt, locked_by = NULL, "
                        + "locked_until = NULL, last_error = :error, attempts = attempts - :uncount, updated_at = :now "
                        + "WHERE id = :id AND attempts = :attempts AND status = 'running'")
                .bind("runAt", runAt).bind("error", truncate(error)).bind("uncount", countAttempt ? 0 : 1)
                .bind("now", clock.instant()).bind("id", job.id()).bind("attempts", job.attempts()).execute() == 1);
    }

    /**
     * As {@link #retry(Job, Instant, String, boolean)}, with the job's payload replaced: a job carrying several
     * items runs again for those still to do only.
     */
    public boolean retry(Job job, String payload, Instant runAt, String error, boolean countAttempt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET status = 'ready', payload = :payload, "
                        + "run_at = :runAt, locked_by = NULL, locked_until = NULL, last_error = :error, "
                        + "attempts = attempts - :uncount, updated_at = :now "
                        + "WHERE id = :id AND attempts = :attempts AND status = 'running'")
                .bind("payload", payload).bind("runAt", runAt).bind("error", truncate(error))
                .bind("uncount", countAttempt ? 0 : 1).bind("now", clock.instant()).bind("id", job.id())
                .bind("attempts", job.attempts()).execute() == 1);
    }

    public boolean fail(Job job, String error) {
        return jdbi.inTransaction(h -> fail(h, job, error));
    }

    /**
     * Marks the job failed and, when this claim still held it, runs {@code onFailed} in the same transaction; false
     * (and {@code onFailed} not run) when the claim was lost. If {@code onFailed} throws, neither lands.
     */
    public boolean fail(Job job, String error, java.util.function.Consumer<Handle> onFailed) {
        return jdbi.inTransaction(h -> {
            if (!fail(h, job, error)) {
                return false;
            }
            onFailed.accept(h);
            return true;
        });
    }

    /** Marks the job failed in the caller's transaction; false when the claim was lost. */
    public boolean fail(Handle h, Job job, String error) {
        return h.createUpdate("UPDATE jobs SET status = 'failed', locked_by = NULL, locked_until = NULL, "
                        + "last_error = :error, updated_at = :now WHERE id = :id AND attempts = :attempts AND status = 'running'")
                .bind("error", truncate(error)).bind("now", clock.instant()).bind("id", job.id())
                .bind("attempts", job.attempts()).execute() == 1;
    }

    /**
     * Puts every job the given instances hold back to {@code ready}, at once, for any instance to claim: their
     * holders stopped (a graceful stop releasing what it did not start) or died (their heartbeat went stale). The
     * attempt count stays as it was, so a late update by the old holder is fenced off by the next claim's count.
     *
     * @return how many jobs were released
     */
    public int releaseClaimsOf(Handle h, java.util.Collection<String> instances, String reason) {
        if (instances.isEmpty()) {
            return 0;
        }
        return h.createUpdate("UPDATE jobs SET status = 'ready', locked_by = NULL, locked_until = NULL, "
                        + "last_error = :reason, updated_at = :now WHERE status = 'running' AND locked_by IN (<ids>)")
                .bind("reason", truncate(reason)).bind("now", clock.instant()).bindList("ids", List.copyOf(instances))
                .execute();
    }

    /** Releases, in a transaction of its own, the jobs one instance holds ({@link #releaseClaimsOf(Handle, java.util.Collection, String)}). */
    public int releaseClaimsOf(String instance, String reason) {
        return jdbi.inTransaction(h -> releaseClaimsOf(h, List.of(instance), reason));
    }

    /** Jobs waiting or running, per queue: the queue depth that /metrics shows. */
    public Map<String, Long> depth() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT queue, COUNT(*) AS n FROM jobs WHERE status IN ('ready', 'running') "
                        + "GROUP BY queue ORDER BY queue")
                .mapToMap().forEach(row -> out.put((String) row.get("queue"), ((Number) row.get("n")).longValue())));
        return out;
    }

    /** Deletes finished jobs older than {@code age}; dedupe keys of finished work older than that are forgotten. */
    public int purgeDone(Duration age) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM jobs WHERE status = 'done' AND updated_at < :before")
                .bind("before", clock.instant().minus(age)).execute());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private static Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("queue"), rs.getString("kind"), rs.getString("payload"),
                rs.getString("dedupe_key"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                rs.getObject("run_at", OffsetDateTime.class).toInstant());
    }
}
