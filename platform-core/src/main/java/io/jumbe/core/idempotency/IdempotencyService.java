package io.jumbe.core.idempotency;

import io.jumbe.core.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Stored responses of creating requests, keyed by tenant and {@code Idempotency-Key}, in the database so that a
 * retry reaching another instance gets the same answer. The first request claims the key with an INSERT (the
 * primary key decides races); later ones replay, conflict or wait.
 */
public final class IdempotencyService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration retention;
    private final SecretBox box;

    public IdempotencyService(Jdbi jdbi, Clock clock, Duration retention) {
        this(jdbi, clock, retention, SecretBox.plain());
    }

    /** @param box seals stored responses that carry a secret (see {@link #complete(long, String, int, String, boolean)}) */
    public IdempotencyService(Jdbi jdbi, Clock clock, Duration retention, SecretBox box) {
        this.box = box;
        this.jdbi = jdbi;
        this.clock = clock;
        this.retention = retention;
    }

    /** What to do with a request carrying a key. */
    public sealed interface Decision {
        /** First time: run the request, then {@link #complete} or {@link #abandon}. */
        record Proceed() implements Decision {
        }

        /** Seen and finished: answer with the stored response. */
        record Replay(int status, String body) implements Decision {
        }

        /** Same key, other request body. */
        record Conflict() implements Decision {
        }

        /** The first request with this key is still running. */
        record InProgress() implements Decision {
        }
    }

    public Decision begin(long tenantId, String key, String method, String path, byte[] body) {
        String hash = hash(method, path, body);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO idempotency_keys (tenant_id, idem_key, request_hash, state, "
                            + "created_at) VALUES (:t, :k, :hash, 'running', :now)")
                    .bind("t", tenantId).bind("k", key).bind("hash", hash).bind("now", clock.instant()).execute());
            return new Decision.Proceed();
        } catch (RuntimeException duplicate) {
            Optional<Map<String, Object>> row = jdbi.withHandle(h -> h.createQuery("SELECT request_hash, state, response_status, "
                            + "response_body, created_at FROM idempotency_keys WHERE tenant_id = :t AND idem_key = :k")
                    .bind("t", tenantId).bind("k", key).mapToMap().findOne());
            if (row.isEmpty()) {
                throw duplicate;
            }
            Map<String, Object> r = row.get();
            if (!hash.equals(r.get("request_hash"))) {
                return new Decision.Conflict();
            }
            if ("running".equals(r.get("state"))) {
                return new Decision.InProgress();
            }
            return new Decision.Replay(((Number) r.get("response_status")).intValue(), box.open((String) r.get("response_body")));
        }
    }

    public void complete(long tenantId, String key, int status, String body) {
        complete(tenantId, key, status, body, false);
    }

    /**
     * Stores the response of a finished request.
     *
     * @param carriesSecret the body shows a secret (a rotated webhook secret): it is stored encrypted
     */
    public void complete(long tenantId, String key, int status, String body, boolean carriesSecret) {
        String stored = carriesSecret ? box.seal(body) : body;
        jdbi.useHandle(h -> h.createUpdate("UPDATE idempotency_keys SET state = 'done', response_status = :status, "
                        + "response_body = :body WHERE tenant_id = :t AND idem_key = :k")
                .bind("status", status).bind("body", stored).bind("t", tenantId).bind("k", key).execute());
    }

    /** Forgets a key whose request failed on our side, so the client's retry runs it afresh. */
    public void abandon(long tenantId, String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE tenant_id = :t AND idem_key = :k")
                .bind("t", tenantId).bind("k", key).execute());
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
