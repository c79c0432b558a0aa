package io.jumbe.core.idempotency;

import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.store.Dialect;
import io.jumbe.core.store.SqlErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stored answers of state-changing requests, keyed by tenant and {@code Idempotency-Key}, in the database so that a
 * retry reaching another instance gets the same answer.
 *
 * <p>The key is claimed, the request's effect written and its answer stored in <em>one</em> transaction
 * ({@link #execute}): a process that dies leaves either nothing (the retry runs the request) or the finished answer
 * (the retry replays it), never a half. The service's own {@code jdbi.inTransaction} calls made by the work join
 * that transaction: Jdbi (3.55) binds the open handle to the thread and runs a nested {@code inTransaction} on it.
 * Only a unique-key violation on the claim means "seen before"; any other error is an error.
 *
 * <p>A request whose effect needs an upstream call between two transactions (an M-Pesa STK Push) uses
 * {@link #claim}, {@link #link}, {@link #holdForCompletion} and {@link #complete} instead: the key is committed with
 * the first transaction, linked to what it created, and a retry that finds it unfinished answers from that record
 * ({@link #resume}) rather than running the request again.
 */
public final class IdempotencyService {
    /** Reached after the key is claimed, before the work runs (inside the transaction). */
    public static final String CLAIMED = "idempotency.claimed";
    /** Reached after the answer is stored, before the commit. */
    public static final String BEFORE_COMMIT = "idempotency.before-commit";
    /** Reached after the commit, before the answer goes to the client. */
    public static final String COMMITTED = "idempotency.committed";

    /** How long a claim waits for a concurrent request holding the same key before answering "in progress". */
    public static final Duration CLAIM_WAIT = Duration.ofSeconds(2);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration retention;
    private final CrashPoints crashPoints;
    private final Dialect dialect;
    private final SecretBox box;

    /**
     * @param crashPoints where tests make the process die ({@link CrashPoints#NONE} in production)
     * @param dialect     the database's: PostgreSQL is told how long a claim waits for a concurrent holder
     * @param box         seals stored answers that show a secret (a rotated webhook secret)
     */
    public IdempotencyService(Jdbi jdbi, Clock clock, Duration retention, CrashPoints crashPoints, Dialect dialect,
                              SecretBox box) {
        this.jdbi = jdbi;
        this.box = box;
        this.dialect = dialect;
        this.clock = clock;
        this.retention = retention;
        this.crashPoints = crashPoints;
    }

    /** The crash points of this platform (off in production), for other paths that take keys. */
    public CrashPoints crashPoints() {
        return crashPoints;
    }

    /** A keyed request: the tenant, its key, and a fingerprint of what was asked (method, path, body). */
    public record Key(long tenantId, String key, String requestHash) {
        public static Key of(long tenantId, String key, String method, String path, byte[] body) {
            return new Key(tenantId, key, hash(method, path, body));
        }
    }

    /**
     * An answer as the client gets it: status and body.
     *
     * @param carriesSecret the body shows a secret (a new webhook signing secret): it is stored encrypted
     */
    public record Response(int status, String body, boolean carriesSecret) {
        public Response(int status, String body) {
            this(status, body, false);
        }
    }

    /**
     * Thrown by work that refused the request (bad input, not enough balance): what it wrote is rolled back, and
     * {@link #response()} is stored as the key's answer in the same transaction as the claim.
     */
    public static final class Refused extends RuntimeException {
        private final transient Response response;

        public Refused(Response response) {
            super("refused with " + response.status(), null, false, false);
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }

    /** Turns what a service did, or why it refused, into the stored answer; the HTTP layer supplies it. */
    public interface Renderer<T> {
        Response done(T result);

        Response refused(ServiceException refusal);
    }

    /** What became of a keyed request. */
    public sealed interface Outcome {
        /** This call ran the request; its answer is stored. */
        record Ran(Response response) implements Outcome {
        }

        /** Seen and finished before: the stored answer. */
        record Replay(Response response) implements Outcome {
        }

        /** Same key, another request. */
        record Conflict() implements Outcome {
        }

        /** The first request with this key is running right now, in another transaction. */
        record InProgress() implements Outcome {
        }
    }

    /** The claim of {@link #claim} lost: the key was already taken (committed, or being committed). */
    public static final class Duplicate extends RuntimeException {
        private final boolean holderRunning;

        Duplicate(boolean holderRunning) {
            super("idempotency key already taken", null, false, false);
            this.holderRunning = holderRunning;
        }

        /** True when the claim gave up waiting for a transaction that holds the key and has not committed. */
        public boolean holderRunning() {
            return holderRunning;
        }
    }

    /**
     * Claims the key, runs {@code work} and stores its answer in one transaction; or answers as the key's earlier
     * use says.
     *
     * @param work runs in the transaction; throws {@link Refused} to keep a refusal, anything else to keep nothing
     */
    public Outcome execute(Key key, Supplier<Response> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                Outcome ran = jdbi.inTransaction(h -> {
                    claim(h, key);
                    crashPoints.reach(CLAIMED);
                    h.savepoint("work");
                    Response response;
                    try {
                        response = work.get();
                    } catch (Refused refused) {
                        h.rollbackToSavepoint("work");
                        response = refused.response();
                    }
                    complete(h, key, response);
                    crashPoints.reach(BEFORE_COMMIT);
                    return new Outcome.Ran(response);
                });
                crashPoints.reach(COMMITTED);
                return ran;
            } catch (Duplicate taken) {
                if (taken.holderRunning()) {
                    return new Outcome.InProgress();
                }
                Optional<Outcome> earlier = earlier(key, null);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                // the holder rolled back (or housekeeping forgot the key) since our claim failed: claim again
                if (attempt >= 2) {
                    return new Outcome.InProgress();
                }
            }
        }
    }

    /**
     * Inserts the key, unfinished, in the caller's transaction; the insert's unique key decides races.
     *
     * @throws Duplicate when the key is taken: the transaction must end (roll back) and the caller asks
     *                   {@link #resume} what to answer; a claim that waited too long on a concurrent holder (H2)
     *                   also counts as taken
     */
    public void claim(Handle h, Key key) {
        try {
            if (dialect == Dialect.POSTGRES) {
                // As long as H2's default lock timeout: a retry racing a running request waits this long for it to
                // finish (then replays its answer) before it answers idempotency_in_progress, on both databases.
                h.execute("SET LOCAL lock_timeout = '" + CLAIM_WAIT.toMillis() + "ms'");
            }
            h.createUpdate("INSERT INTO idempotency_keys (tenant_id, idem_key, request_hash, state, created_at) "
                            + "VALUES (:t, :k, :hash, 'running', :now)")
                    .bind("t", key.tenantId()).bind("k", key.key()).bind("hash", key.requestHash())
                    .bind("now", clock.instant()).execute();
            if (dialect == Dialect.POSTGRES) {
                h.execute("SET LOCAL lock_timeout = DEFAULT");
            }
        } catch (RuntimeException e) {
            // PostgreSQL waits for a concurrent holder and then reports the duplicate; H2 gives up waiting with a
            // lock timeout while the holder is still running. Both mean "taken"; anything else is a real error.
            if (SqlErrors.isUniqueViolation(e)) {
                throw new Duplicate(false);
            }
            if (SqlErrors.isLockNotAvailable(e)) {
                throw new Duplicate(true);
            }
            throw e;
        }
    }

    /** Records what the claimed request created (a top-up's id), in the claim's transaction. */
    public void link(Handle h, Key key, String resourceId) {
        h.createUpdate("UPDATE idempotency_keys SET resource_id = :r WHERE tenant_id = :t AND idem_key = :k")
                .bind("r", resourceId).bind("t", key.tenantId()).bind("k", key.key()).execute();
    }

    /**
     * Locks the claimed key's row until the caller's transaction ends: while the request's second step runs, a
     * retry sees the lock and answers {@code idempotency_in_progress}; if this process dies, the lock goes with
     * its connection and the retry answers from the linked record instead.
     */
    public void holdForCompletion(Handle h, Key key) {
        h.createQuery("SELECT state FROM idempotency_keys WHERE tenant_id = :t AND idem_key = :k FOR UPDATE")
                .bind("t", key.tenantId()).bind("k", key.key()).mapTo(String.class).one();
    }

    /** Stores the answer of a claimed key, in the transaction of the request's effect. */
    public void complete(Handle h, Key key, Response response) {
        h.createUpdate("UPDATE idempotency_keys SET state = 'done', response_status = :status, "
                        + "response_body = :body WHERE tenant_id = :t AND idem_key = :k")
                .bind("status", response.status())
                .bind("body", response.carriesSecret() ? box.seal(response.body()) : response.body())
                .bind("t", key.tenantId()).bind("k", key.key()).execute();
    }

    /**
     * What to answer a request whose {@link #claim} found the key taken.
     *
     * @param fromLinked answers from the record an unfinished key links to (its first request died between its
     *                   transactions); the answer is then stored as the key's
     */
    public Outcome resume(Key key, Duplicate taken, Function<String, Response> fromLinked) {
        if (taken.holderRunning()) {
            return new Outcome.InProgress();
        }
        return earlier(key, fromLinked).orElseGet(Outcome.InProgress::new);
    }

    private Optional<Outcome> earlier(Key key, Function<String, Response> fromLinked) {
        return jdbi.inTransaction(h -> {
            Optional<Map<String, Object>> row = h.createQuery("SELECT request_hash, state, response_status, "
                            + "response_body, resource_id FROM idempotency_keys WHERE tenant_id = :t AND idem_key = :k")
                    .bind("t", key.tenantId()).bind("k", key.key()).mapToMap().findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> r = row.get();
            if (!key.requestHash().equals(r.get("request_hash"))) {
                return Optional.of(new Outcome.Conflict());
            }
            if ("done".equals(r.get("state"))) {
                return Optional.of(replay(r));
            }
            // Unfinished and committed: only a two-step request leaves that. Its first request holds the row
            // lock while it runs; if we get the lock, that request is gone.
            try {
                r = h.createQuery("SELECT request_hash, state, response_status, response_body, resource_id "
                                + "FROM idempotency_keys WHERE tenant_id = :t AND idem_key = :k FOR UPDATE NOWAIT")
                        .bind("t", key.tenantId()).bind("k", key.key()).mapToMap().one();
            } catch (RuntimeException e) {
                if (SqlErrors.isLockNotAvailable(e)) {
                    return Optional.of(new Outcome.InProgress());
                }
                throw e;
            }
            if ("done".equals(r.get("state"))) {
                return Optional.of(replay(r));
            }
            String resource = (String) r.get("resource_id");
            if (resource == null || fromLinked == null) {
                // nothing to answer from: the key was claimed by a release that stored answers separately
                return Optional.of(new Outcome.InProgress());
            }
            Response answer = fromLinked.apply(resource);
            complete(h, key, answer);
            return Optional.of(new Outcome.Replay(answer));
        });
    }

    private Outcome replay(Map<String, Object> r) {
        return new Outcome.Replay(new Response(((Number) r.get("response_status")).intValue(),
                box.open((String) r.get("response_body"))));
    }

    /** Deletes keys older than the retention (at least 24 h). */
    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :before")
                .bind("before", clock.instant().minus(retention)).execute());
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(method.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
