package io.jumbe.core.whatsapp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.store.Batches;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** SQL over the WhatsApp rows of {@code messages}, {@code inbound_messages} and the tenants' WhatsApp columns. */
final class WhatsAppStore {
    static final String COLUMNS = "id, tenant_id, channel, batch_id, recipient, status, body, sender_id, category, "
            + "template_name, template_language, template_parameters, segments, cost_cents, reference, "
            + "upstream_message_id, error_code, error_description, refunded, phone_number_id, scheduled_at, queued_at, "
            + "sent_at, delivered_at, read_at, failed_at, cancelled_at, created_at";
    static final String INBOUND_COLUMNS = "id, tenant_id, channel, sender, phone_number_id, upstream_message_id, type, "
            + "body, reply_to, received_at, created_at";
    /** What the SMS-only columns hold on a WhatsApp row. */
    static final String SENDER_ID = "WhatsApp";

    private WhatsAppStore() {
    }

    record NewMessage(String id, long tenantId, String batchId, String recipient, String text, TemplateRef template,
                      Category category, Money cost, String reference, String lane, String phoneNumberId,
                      Instant scheduledAt, Instant now) {
    }

    static void insertAll(Handle h, Collection<NewMessage> messages) {
        Batches.insertInParts(h, "INSERT INTO messages (id, tenant_id, channel, batch_id, recipient, sender_id, body, "
                        + "encoding, segments, cost_cents, price_cents, status, reference, lane, scheduled_at, queued_at, "
                        + "refunded, created_at, category, template_name, template_language, template_parameters, "
                        + "phone_number_id) VALUES (:id, :tenantId, 'whatsapp', :batchId, :recipient, '" + SENDER_ID
                        + "', :body, 'UCS-2', 1, :cost, :cost, 'queued', :reference, :lane, :scheduledAt, :now, FALSE, "
                        + ":now, :category, :tname, :tlang, :tparams, :pn)",
                messages, (batch, m) -> batch.bind("id", m.id()).bind("tenantId", m.tenantId())
                        .bind("batchId", m.batchId()).bind("recipient", m.recipient())
                        .bind("body", m.template() == null ? m.text() : m.template().name())
                        .bind("cost", m.cost().cents()).bind("reference", m.reference()).bind("lane", m.lane())
                        .bind("scheduledAt", m.scheduledAt()).bind("now", m.now())
                        .bind("category", m.category().wireName())
                        .bind("tname", m.template() == null ? null : m.template().name())
                        .bind("tlang", m.template() == null ? null : m.template().language())
                        .bind("tparams", m.template() == null ? null : Json.write(m.template().parameters()))
                        .bind("pn", m.phoneNumberId()));
    }

    static Optional<ChannelMessage> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    static Optional<ChannelMessage> findByWamid(Handle h, String wamid) {
        return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE upstream_message_id = :u AND channel = 'whatsapp'")
                .bind("u", wamid).map((rs, ctx) -> map(rs)).findFirst();
    }

    static WhatsAppPrices prices(Handle h, long tenantId) {
        return h.createQuery("SELECT whatsapp_marketing_cents, whatsapp_utility_cents, whatsapp_authentication_cents, "
                        + "whatsapp_service_cents FROM tenants WHERE id = :id").bind("id", tenantId)
                .map((rs, ctx) -> new WhatsAppPrices(Money.ofCents(rs.getLong(1)), Money.ofCents(rs.getLong(2)),
                        Money.ofCents(rs.getLong(3)), Money.ofCents(rs.getLong(4))))
                .findOne().orElseThrow(() -> io.jumbe.core.common.ServiceException.notFound("Sender " + tenantId));
    }

    /** A tenant's prices and own phone number id (null for the platform's), in one read. */
    record Settings(WhatsAppPrices prices, String phoneNumberId) {
    }

    static Settings settings(Handle h, long tenantId) {
        return h.createQuery("SELECT whatsapp_marketing_cents, whatsapp_utility_cents, whatsapp_authentication_cents, "
                        + "whatsapp_service_cents, whatsapp_phone_number_id FROM tenants WHERE id = :id").bind("id", tenantId)
                .map((rs, ctx) -> new Settings(new WhatsAppPrices(Money.ofCents(rs.getLong(1)), Money.ofCents(rs.getLong(2)),
                        Money.ofCents(rs.getLong(3)), Money.ofCents(rs.getLong(4))), rs.getString(5)))
                .findOne().orElseThrow(() -> io.jumbe.core.common.ServiceException.notFound("Sender " + tenantId));
    }

    static Optional<String> phoneNumberId(Handle h, long tenantId) {
        return h.createQuery("SELECT whatsapp_phone_number_id FROM tenants WHERE id = :id").bind("id", tenantId)
                .mapTo(String.class).findOne();
    }

    /** Of {@code recipients}, those who wrote to the tenant since {@code since}. */
    static Set<String> windowOpen(Handle h, long tenantId, List<String> recipients, Instant since) {
        Set<String> open = new HashSet<>();
        for (int i = 0; i < recipients.size(); i += 1000) {
            List<String> part = recipients.subList(i, Math.min(recipients.size(), i + 1000));
            open.addAll(h.createQuery("SELECT DISTINCT sender FROM inbound_messages WHERE tenant_id = :t "
                            + "AND received_at > :since AND sender IN (<r>)")
                    .bind("t", tenantId).bind("since", since).bindList("r", part).mapTo(String.class).list());
        }
        return open;
    }

    static ChannelMessage map(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        boolean whatsapp = "whatsapp".equals(channel);
        String templateName = rs.getString("template_name");
        String params = rs.getString("template_parameters");
        String category = rs.getString("category");
        return new ChannelMessage(rs.getString("id"), rs.getLong("tenant_id"), channel, rs.getString("batch_id"),
                rs.getString("recipient"), rs.getString("status"), templateName == null ? rs.getString("body") : null,
                whatsapp ? null : rs.getString("sender_id"), category == null ? null : Category.fromWire(category),
                templateName, rs.getString("template_language"),
                params == null ? List.of() : parameters(params), rs.getInt("segments"),
                Money.ofCents(rs.getLong("cost_cents")), rs.getString("reference"), rs.getString("upstream_message_id"),
                rs.getString("error_code"), rs.getString("error_description"), rs.getBoolean("refunded"),
                rs.getString("phone_number_id"), time(rs, "scheduled_at"), time(rs, "queued_at"), time(rs, "sent_at"),
                time(rs, "delivered_at"), time(rs, "read_at"), time(rs, "failed_at"), time(rs, "cancelled_at"),
                time(rs, "created_at"));
    }

    private static List<String> parameters(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<List<String>>() { });
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    static InboundMessage mapInbound(ResultSet rs) throws SQLException {
        return new InboundMessage(rs.getString("id"), rs.getLong("tenant_id"), rs.getString("channel"),
                rs.getString("sender"), rs.getString("phone_number_id"), rs.getString("upstream_message_id"),
                rs.getString("type"), rs.getString("body"), rs.getString("reply_to"), time(rs, "received_at"),
                time(rs, "created_at"));
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
