package io.jumbe.server.http;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails closed when the database reports a fatal error (H2's store panic or closed database, a PostgreSQL
 * connection lost or unable to commit, a full disk): from then on every request but {@code /health} and
 * {@code /metrics} is answered 503 {@code service_unavailable} and {@code /health} says down, so that no tenant is
 * told "accepted" for something that was not made durable. Every few seconds a request tries a committed round
 * trip; when one succeeds (PostgreSQL back, pool reconnected) the server answers again. A store that stays broken
 * (H2 after a panic) keeps it down until a restart.
 */
public final class StoreGuard {
    private static final Logger log = LoggerFactory.getLogger(StoreGuard.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private final DataSource dataSource;
    private final Clock clock;
    private volatile Instant failedAt;
    private volatile Instant lastProbe = Instant.EPOCH;

    public StoreGuard(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Whether {@code e} says the store itself is broken rather than one statement: SQLSTATE classes 08
     * (connection), 53 (insufficient resources), 57P (shut down), 58 (system I/O) and XX (internal, corruption);
     * H2's closed database, I/O and general errors; an MVStore failure anywhere in the causes.
     */
    public static boolean isFatal(Throwable e) {
        if (io.jumbe.core.store.StoreErrors.unreachable(e)) {
            return true; // the pool waited for a connection in vain, whatever SQLSTATE it carries (often none)
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.h2.mvstore.MVStore")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || state.startsWith("58") || state.startsWith("XX"))) {
                    return true;
                }
                // H2: DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, IO_EXCEPTION_1/2, GENERAL_ERROR_1
                int code = sql.getErrorCode();
                if (t.getClass().getName().startsWith("org.h2.") && (code == 90098 || code == 90121
                        || code == 90028 || code == 90031 || code == 50000)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Records a fatal store error: the server answers 503 until a probe commits again. */
    public void trip(Throwable e) {
        if (failedAt == null) {
            log.error("the database reported a fatal error; answering 503 until it commits again", e);
        }
        failedAt = clock.instant();
    }

    /** False while the store is failed and no probe has committed since. */
    public boolean healthy() {
        if (failedAt == null) {
            return true;
        }
        Instant now = clock.instant();
        if (Duration.between(lastProbe, now).compareTo(PROBE_EVERY) >= 0) {
            lastProbe = now;
            if (commits()) {
                log.warn("the database commits again; answering requests");
                failedAt = null;
            }
        }
        return failedAt == null;
    }

    /**
     * Refuses any request but the exempt ones while the store is failed. The built-in simulators stand for
     * upstreams outside and store nothing of ours, so they go on answering.
     */
    public void check(Context ctx) {
        if (!Admission.exempt(ctx.path()) && !ctx.path().startsWith("/simulators/") && !healthy()) {
            ctx.header("Retry-After", "5");
            throw new HttpProblem(503, "service_unavailable", "The database cannot store anything now; nothing "
                    + "was accepted. Retry after 5 seconds.", List.of(), Map.of("retry_after", 5));
        }
    }

    private boolean commits() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
