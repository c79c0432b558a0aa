package io.jumbe.core.sms;

import io.jumbe.core.common.Money;
import io.jumbe.core.store.Batches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL over the {@code messages} table; callers pass the handle so several changes share one transaction. */
final class MessageStore {
    static final String COLUMNS = "id, tenant_id, batch_id, recipient, sender_id, body, encoding, segments, cost_cents, "
            + "price_cents, status, upstream_message_id, upstream_status, error_code, error_description, reference, "
            + "lane, scheduled_at, queued_at, sent_at, delivered_at, failed_at, expired_at, cancelled_at, refunded, "
            + "created_at";

    private MessageStore() {
    }

    /**
     * Inserts new queued messages.
     *
     * @param dispatchKeys the dedupe key of the job carrying each message, by message id, for messages carried by a
     *                     batch job ({@link SmsService#BATCH_KIND}); a message not in it is carried by its own job
     */
    static void insertAll(Handle h, Collection<Message> messages, Map<String, String> dispatchKeys) {
        Batches.insertRows(h, "INSERT INTO messages (id, tenant_id, batch_id, recipient, sender_id, body, encoding, "
                + "segments, cost_cents, price_cents, status, reference, lane, scheduled_at, queued_at, refunded, "
                + "created_at, dispatch_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, FALSE, ?, ?)",
                messages, (row, m) -> row.text(m.id()).number(m.tenantId()).text(m.batchId()).text(m.recipient())
                        .text(m.senderId()).text(m.text()).text(m.encoding().label()).number(m.segments())
                        .number(m.cost().cents()).number(m.price().cents()).text(m.reference()).text(m.lane())
                        .time(m.scheduledAt()).time(m.queuedAt()).time(m.createdAt()).text(dispatchKeys.get(m.id())));
    }

    static Optional<Message> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE id = :id AND channel = 'sms'").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    static List<Message> findAll(Handle h, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> map(rs)).list();
    }

    static Optional<Message> findByUpstreamId(Handle h, String upstreamId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE upstream_message_id = :u AND channel = 'sms' "
                        + "ORDER BY created_at DESC")
                .bind("u", upstreamId).map((rs, ctx) -> map(rs)).findFirst();
    }

    /** The messages carrying these upstream ids, newest first (as {@link #findByUpstreamId} prefers). */
    static List<Message> findAllByUpstreamIds(Handle h, Collection<String> upstreamIds) {
        if (upstreamIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE upstream_message_id IN (<ids>) "
                        + "AND channel = 'sms' ORDER BY created_at DESC")
                .bindList("ids", List.copyOf(upstreamIds)).map((rs, ctx) -> map(rs)).list();
    }

    static Message map(ResultSet rs) throws SQLException {
        return new Message(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("batch_id"),
                rs.getString("recipient"), rs.getString("sender_id"), rs.getString("body"),
                "UCS-2".equals(rs.getString("encoding")) ? SmsEncoding.UCS_2 : SmsEncoding.GSM_7,
                rs.getInt("segments"), Money.ofCents(rs.getLong("cost_cents")), Money.ofCents(rs.getLong("price_cents")),
                MessageStatus.fromWire(rs.getString("status")), rs.getString("upstream_message_id"),
                rs.getString("upstream_status"), rs.getString("error_code"), rs.getString("error_description"),
                rs.getString("reference"), rs.getString("lane"), time(rs, "scheduled_at"), time(rs, "queued_at"),
                time(rs, "sent_at"), time(rs, "delivered_at"), time(rs, "failed_at"), time(rs, "expired_at"),
                time(rs, "cancelled_at"), rs.getBoolean("refunded"), time(rs, "created_at"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
