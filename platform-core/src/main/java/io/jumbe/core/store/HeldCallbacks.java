package io.jumbe.core.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Callbacks that name an upstream id we have not committed yet, kept until we have. An upstream may answer (a
 * delivery report, an STK result) before the request that gave us its id has returned and been recorded; such a
 * callback is held, keyed by that id, and applied by whoever commits the id.
 *
 * <p>The way to use it without losing one: the receiver holds the callback, then looks the id up once more; the
 * committer commits the id, then takes what is held for it. Whichever runs second sees the other's work, so
 * applying must be idempotent (both may apply it).
 *
 * <p>The table has {@code id}, the key column, {@code payload} and {@code received_at}.
 */
public final class HeldCallbacks {
    private final Jdbi jdbi;
    private final Clock clock;
    private final String table;
    private final String keyColumn;
    private final int maxPayload;

    /**
     * @param maxPayload the payload column's size; longer payloads are cut (0: unbounded)
     */
    public HeldCallbacks(Jdbi jdbi, Clock clock, String table, String keyColumn, int maxPayload) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.table = table;
        this.keyColumn = keyColumn;
        this.maxPayload = maxPayload;
    }

    /** Holds one callback in the caller's transaction. */
    public void hold(Handle h, String key, String payload) {
        h.createUpdate("INSERT INTO " + table + " (" + keyColumn + ", payload, received_at) VALUES (:k, :p, :now)")
                .bind("k", key).bind("p", maxPayload > 0 && payload.length() > maxPayload
                        ? payload.substring(0, maxPayload) : payload)
                .bind("now", clock.instant()).execute();
    }

    /** Holds one callback in its own transaction. */
    public void hold(String key, String payload) {
        jdbi.useTransaction(h -> hold(h, key, payload));
    }

    /** What is held for these keys, oldest first. */
    public List<String> payloads(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM " + table + " WHERE " + keyColumn
                        + " IN (<keys>) ORDER BY id")
                .bindList("keys", List.copyOf(keys)).mapTo(String.class).list());
    }

    /** Drops what is held for these keys (applied, or given up on). */
    public void forget(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM " + table + " WHERE " + keyColumn + " IN (<keys>)")
                .bindList("keys", List.copyOf(keys)).execute());
    }

    /** Drops callbacks held longer than {@code age}; returns how many. */
    public int purgeOlderThan(Duration age) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM " + table + " WHERE received_at < :before")
                .bind("before", clock.instant().minus(age)).execute());
    }
}
