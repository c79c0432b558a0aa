package io.jumbe.core.webhooks;

import static io.jumbe.core.store.Rows.instant;

import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.store.Batches;
import io.jumbe.core.store.NewestFirst;
import io.jumbe.core.secrets.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The SQL of webhooks. Every method takes the caller's {@link Handle} so the service decides the transaction. */
final class WebhookStore {
    private final SecretBox box;

    /** @param box seals the signing secrets as they are written and opens them as they are read */
    WebhookStore(SecretBox box) {
        this.box = box;
    }

    private static final String DELIVERY_COLUMNS = "id, tenant_id, event_type, event_id, webhook_id, status, attempts, "
            + "generation, next_attempt_at, last_error, created_at, updated_at, payload";
    private static final NewestFirst<Delivery> DELIVERIES = new NewestFirst<>(DELIVERY_COLUMNS, "webhook_deliveries",
            "tenant_id", (rs, ctx) -> deliveryRow(rs).delivery());

    /** A configuration with its secrets, for signing. */
    record ConfigRow(WebhookConfig config, String secret, String previousSecret) {
    }

    /** A delivery with what the worker needs beyond the public view. */
    record DeliveryRow(Delivery delivery, int generation, String payload) {
    }

    Optional<ConfigRow> config(Handle h, long tenantId) {
        return h.createQuery("SELECT tenant_id, url, event_types, secret, previous_secret, previous_secret_until, enabled, "
                        + "disabled_reason, created_at, updated_at FROM webhook_configs WHERE tenant_id = :t")
                .bind("t", tenantId)
                .map((rs, ctx) -> new ConfigRow(new WebhookConfig(rs.getLong("tenant_id"), rs.getString("url"),
                        events(rs.getString("event_types")), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                        instant(rs, "previous_secret_until"), instant(rs, "created_at"), instant(rs, "updated_at")),
                        box.open(rs.getString("secret")), box.open(rs.getString("previous_secret"))))
                .findOne();
    }

    /**
     * Seals the secrets stored before they were encrypted (or by an instance without a key).
     *
     * @return how many configurations were sealed
     */
    int sealPlainSecrets(Handle h) {
        if (!box.encrypts()) {
            return 0;
        }
        List<java.util.Map<String, Object>> plain = h.createQuery("SELECT tenant_id, secret, previous_secret "
                        + "FROM webhook_configs WHERE secret NOT LIKE 'enc:%' "
                        + "OR (previous_secret IS NOT NULL AND previous_secret NOT LIKE 'enc:%')")
                .mapToMap().list();
        for (java.util.Map<String, Object> row : plain) {
            String secret = (String) row.get("secret");
            String previous = (String) row.get("previous_secret");
            h.createUpdate("UPDATE webhook_configs SET secret = :secret, previous_secret = :previous "
                            + "WHERE tenant_id = :t AND secret = :old")
                    .bind("secret", SecretBox.isSealed(secret) ? secret : box.seal(secret))
                    .bind("previous", previous == null || SecretBox.isSealed(previous) ? previous : box.seal(previous))
                    .bind("t", ((Number) row.get("tenant_id")).longValue()).bind("old", secret).execute();
        }
        return plain.size();
    }

    void insertConfig(Handle h, long tenantId, String url, List<String> events, String secret, Instant now) {
        bumpSettingsVersion(h, tenantId);
        h.createUpdate("INSERT INTO webhook_configs (tenant_id, url, event_types, secret, enabled, created_at, updated_at) "
                        + "VALUES (:t, :url, :events, :secret, TRUE, :now, :now)")
                .bind("t", tenantId).bind("url", url).bind("events", String.join(",", events))
                .bind("secret", box.seal(secret)).bind("now", now).execute();
    }

    void updateConfig(Handle h, long tenantId, String url, List<String> events, String secret, Instant now) {
        bumpSettingsVersion(h, tenantId);
        h.createUpdate("UPDATE webhook_configs SET url = :url, event_types = :events, secret = :secret, enabled = TRUE, "
                        + "disabled_reason = NULL, updated_at = :now WHERE tenant_id = :t")
                .bind("t", tenantId).bind("url", url).bind("events", String.join(",", events))
                .bind("secret", box.seal(secret)).bind("now", now).execute();
    }

    void rotate(Handle h, long tenantId, String secret, String previous, Instant previousUntil, Instant now) {
        h.createUpdate("UPDATE webhook_configs SET secret = :secret, previous_secret = :previous, "
                        + "previous_secret_until = :until, updated_at = :now WHERE tenant_id = :t")
                .bind("t", tenantId).bind("secret", box.seal(secret)).bind("previous", box.seal(previous))
                .bind("until", previousUntil)
                .bind("now", now).execute();
    }

    boolean disable(Handle h, long tenantId, String reason, Instant now) {
        boolean changed = h.createUpdate("UPDATE webhook_configs SET enabled = FALSE, disabled_reason = :reason, "
                        + "updated_at = :now WHERE tenant_id = :t AND enabled = TRUE")
                .bind("t", tenantId).bind("reason", reason).bind("now", now).execute() == 1;
        if (changed) {
            bumpSettingsVersion(h, tenantId);
        }
        return changed;
    }

    /**
     * Every change to what a tenant subscribes to bumps its settings version in the same transaction (taking its row
     * lock), so the event path's in-memory copies of subscriptions notice; see {@code WebhookService#subscribedEvents}.
     */
    private static void bumpSettingsVersion(Handle h, long tenantId) {
        h.createUpdate("UPDATE tenants SET settings_version = settings_version + 1 WHERE id = :t").bind("t", tenantId)
                .execute();
    }

    void insertDelivery(Handle h, String id, long tenantId, String eventType, String eventId, String webhookId,
                        String payload, String status, Instant nextAttemptAt, Instant now) {
        h.createUpdate("INSERT INTO webhook_deliveries (id, tenant_id, event_type, event_id, webhook_id, payload, status, "
                        + "attempts, generation, next_attempt_at, created_at, updated_at) VALUES (:id, :t, :type, :eventId, "
                        + ":webhookId, :payload, :status, 0, 0, :next, :now, :now)")
                .bind("id", id).bind("t", tenantId).bind("type", eventType).bind("eventId", eventId)
                .bind("webhookId", webhookId).bind("payload", payload).bind("status", status)
                .bind("next", nextAttemptAt).bind("now", now).execute();
    }

    /** A delivery to insert as pending, due at once ({@link #insertPendingDeliveries}). */
    record NewDelivery(String id, long tenantId, String eventType, String eventId, String webhookId, String payload) {
    }

    /** What {@link #insertDelivery} does for one pending delivery, for many in one batched insert. */
    void insertPendingDeliveries(Handle h, List<NewDelivery> deliveries, Instant now) {
        Batches.insertInParts(h, "INSERT INTO webhook_deliveries (id, tenant_id, event_type, event_id, webhook_id, "
                        + "payload, status, attempts, generation, next_attempt_at, created_at, updated_at) VALUES (:id, :t, "
                        + ":type, :eventId, :webhookId, :payload, :status, 0, 0, :now, :now, :now)", deliveries,
                (batch, d) -> batch.bind("id", d.id()).bind("t", d.tenantId()).bind("type", d.eventType())
                        .bind("eventId", d.eventId()).bind("webhookId", d.webhookId()).bind("payload", d.payload())
                        .bind("status", Delivery.PENDING).bind("now", now));
    }

    Optional<DeliveryRow> delivery(Handle h, String id) {
        return h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> deliveryRow(rs)).findOne();
    }

    /**
     * Records one attempt's outcome, if the delivery is still the pending one of this generation.
     *
     * @return false if a retry or replay took the delivery over meanwhile (the attempt is logged all the same)
     */
    boolean recordAttempt(Handle h, String deliveryId, int generation, AttemptResult attempt, String newStatus,
                          Instant nextAttemptAt, Instant now) {
        insertAttempt(h, deliveryId, attempt);
        return h.createUpdate("UPDATE webhook_deliveries SET attempts = attempts + 1, status = :status, "
                        + "next_attempt_at = :next, last_error = :error, updated_at = :now "
                        + "WHERE id = :id AND generation = :gen AND status = 'pending'")
                .bind("status", newStatus).bind("next", nextAttemptAt).bind("error", errorOf(attempt))
                .bind("now", now).bind("id", deliveryId).bind("gen", generation).execute() == 1;
    }

    void insertAttempt(Handle h, String deliveryId, AttemptResult attempt) {
        h.createUpdate("INSERT INTO webhook_attempts (delivery_id, attempted_at, http_status, latency_ms, succeeded, error, "
                        + "response_body) VALUES (:id, :at, :status, :latency, :ok, :error, :body)")
                .bind("id", deliveryId).bind("at", attempt.attemptedAt()).bind("status", attempt.httpStatus())
                .bind("latency", attempt.latencyMillis()).bind("ok", attempt.success())
                .bind("error", truncate(attempt.error(), 2000)).bind("body", attempt.responseBody()).execute();
    }

    void finishWithoutAttempt(Handle h, String deliveryId, int generation, String error, Instant now) {
        h.createUpdate("UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = :error, "
                        + "updated_at = :now WHERE id = :id AND generation = :gen AND status = 'pending'")
                .bind("error", truncate(error, 2000)).bind("now", now).bind("id", deliveryId).bind("gen", generation)
                .execute();
    }

    /** One step of a purge: how many deliveries went, where the next step starts, and whether it may go on. */
    record PurgeStep(int deleted, String lastId, boolean more) {
    }

    /**
     * Looks at the next {@code limit} deliveries in id order (ids start with their creation time, so this walks
     * oldest first along the primary key, and needs no index on {@code created_at}) and deletes those created
     * before {@code before} that are finished, with their attempts. Pending ones stay whatever their age: their job
     * still needs them. The rows are locked first, so a concurrent retry or replay either runs before (the delivery
     * is pending, so kept) or waits and finds nothing.
     *
     * @param afterId where the previous step ended, {@code ""} to start
     * @return what was done; {@code more} is false once a delivery young enough to keep, or the end, was reached
     */
    PurgeStep purgeFinished(Handle h, Instant before, String afterId, int limit) {
        List<Object[]> rows = h.createQuery("SELECT id, created_at FROM webhook_deliveries WHERE id > :after "
                        + "ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new Object[] {rs.getString("id"), instant(rs, "created_at")}).list();
        if (rows.isEmpty()) {
            return new PurgeStep(0, afterId, false);
        }
        List<String> old = rows.stream().filter(r -> ((Instant) r[1]).isBefore(before)).map(r -> (String) r[0]).toList();
        boolean reachedYoung = old.size() < rows.size();
        String lastId = (String) rows.get(rows.size() - 1)[0];
        if (old.isEmpty()) {
            return new PurgeStep(0, lastId, !reachedYoung);
        }
        List<String> finished = h.createQuery("SELECT id FROM webhook_deliveries WHERE id IN (<ids>) "
                        + "AND status <> 'pending' FOR UPDATE")
                .bindList("ids", old).mapTo(String.class).list();
        int deleted = 0;
        if (!finished.isEmpty()) {
            h.createUpdate("DELETE FROM webhook_attempts WHERE delivery_id IN (<ids>)").bindList("ids", finished).execute();
            deleted = h.createUpdate("DELETE FROM webhook_deliveries WHERE id IN (<ids>)").bindList("ids", finished)
                    .execute();
        }
        return new PurgeStep(deleted, lastId, !reachedYoung && rows.size() == limit);
    }

    /** Makes a delivery pending again under a new generation; returns that generation. */
    int restart(Handle h, String deliveryId, Instant now) {
        h.createUpdate("UPDATE webhook_deliveries SET status = 'pending', generation = generation + 1, "
                        + "next_attempt_at = :now, updated_at = :now WHERE id = :id")
                .bind("now", now).bind("id", deliveryId).execute();
        return h.createQuery("SELECT generation FROM webhook_deliveries WHERE id = :id").bind("id", deliveryId)
                .mapTo(Integer.class).one();
    }

    List<String> failedSince(Handle h, long tenantId, Instant since) {
        return h.createQuery("SELECT id FROM webhook_deliveries WHERE tenant_id = :t AND status = 'failed' "
                        + "AND created_at >= :since ORDER BY created_at, id")
                .bind("t", tenantId).bind("since", since).mapTo(String.class).list();
    }

    List<DeliveryAttempt> attempts(Handle h, String deliveryId) {
        return h.createQuery("SELECT attempted_at, http_status, latency_ms, succeeded, error, response_body "
                        + "FROM webhook_attempts WHERE delivery_id = :id ORDER BY attempted_at, id")
                .bind("id", deliveryId)
                .map((rs, ctx) -> new DeliveryAttempt(instant(rs, "attempted_at"),
                        rs.getObject("http_status") == null ? null : rs.getInt("http_status"), rs.getLong("latency_ms"),
                        rs.getBoolean("succeeded"), rs.getString("error"), rs.getString("response_body")))
                .list();
    }

    ListPage<Delivery> page(Handle h, long tenantId, DeliveryFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder("tenant_id = :t");
        if (f.eventType() != null) {
            where.append(" AND event_type = :type");
        }
        if (f.status() != null) {
            where.append(" AND status = :status");
        }
        if (f.from() != null) {
            where.append(" AND created_at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND created_at < :to");
        }
        return DELIVERIES.page(h, tenantId, where.toString(), q -> bindFilter(q, tenantId, f), page);
    }

    List<WebhookHealth> health(Handle h) {
        return h.createQuery("SELECT c.tenant_id, c.url, c.enabled, c.disabled_reason, "
                        + "(SELECT MAX(a.attempted_at) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                        + "  WHERE d.tenant_id = c.tenant_id AND a.succeeded = TRUE) AS last_success, "
                        + "(SELECT MAX(a.attempted_at) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id "
                        + "  WHERE d.tenant_id = c.tenant_id AND a.succeeded = FALSE) AS last_failure, "
                        + "(SELECT COUNT(*) FROM webhook_deliveries d WHERE d.tenant_id = c.tenant_id "
                        + "  AND (d.status = 'failed' OR (d.status = 'pending' AND d.attempts > 0))) AS failing "
                        + "FROM webhook_configs c ORDER BY c.tenant_id")
                .map((rs, ctx) -> new WebhookHealth(rs.getLong("tenant_id"), rs.getString("url"), rs.getBoolean("enabled"),
                        rs.getString("disabled_reason"), instant(rs, "last_success"), instant(rs, "last_failure"),
                        rs.getLong("failing")))
                .list();
    }

    private static Query bindFilter(Query q, long tenantId, DeliveryFilter f) {
        q.bind("t", tenantId);
        if (f.eventType() != null) {
            q.bind("type", f.eventType());
        }
        if (f.status() != null) {
            q.bind("status", f.status());
        }
        if (f.from() != null) {
            q.bind("from", f.from());
        }
        if (f.to() != null) {
            q.bind("to", f.to());
        }
        return q;
    }

    private static DeliveryRow deliveryRow(ResultSet rs) throws SQLException {
        Delivery d = new Delivery(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("event_type"),
                rs.getString("event_id"), rs.getString("webhook_id"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
        return new DeliveryRow(d, rs.getInt("generation"), rs.getString("payload"));
    }

    private static List<String> events(String stored) {
        return stored.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(stored.split(",")));
    }


    private static String errorOf(AttemptResult attempt) {
        if (attempt.success()) {
            return null;
        }
        String error = attempt.error() != null ? attempt.error() : "HTTP " + attempt.httpStatus();
        if (attempt.error() != null && attempt.httpStatus() != null) {
            error = "HTTP " + attempt.httpStatus() + ": " + attempt.error();
        }
        return truncate(error, 2000);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
