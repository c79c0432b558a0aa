package io.jumbe.core.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Ids;
import io.jumbe.core.common.Json;
import io.jumbe.core.store.HeldCallbacks;
import io.jumbe.core.events.EventStore;
import io.jumbe.core.analytics.UsageCounters;
import io.jumbe.core.contacts.OptOuts;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.phone.PhoneNumbers;
import io.jumbe.core.wallet.Ledger;
import io.jumbe.core.wallet.Posting;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state change of a WhatsApp message, each a conditional UPDATE on the status the writer saw with its event
 * in the same transaction: dispatch's {@code sent} and {@code failed}, and what Meta's webhooks report (statuses by
 * {@code wamid}, customers' replies). A message Meta reports failed is refunded once.
 */
public final class WhatsAppLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppLifecycle.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final Ledger ledger;
    private final EventStore events;
    private final String platformPhoneNumberId;
    private final HeldCallbacks held;
    private final OptOuts optOuts;
    private final UsageCounters usage;

    public WhatsAppLifecycle(Jdbi jdbi, Clock clock, Ids ids, Ledger ledger, EventStore events,
                             String platformPhoneNumberId, OptOuts optOuts, UsageCounters usage) {
        this.optOuts = optOuts;
        this.usage = usage;
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
        this.events = events;
        this.platformPhoneNumberId = platformPhoneNumberId;
        this.held = new HeldCallbacks(jdbi, clock, "whatsapp_unmatched_statuses", "upstream_message_id", 4000);
    }

    /** What applying a webhook did, counted for the caller's log and tests. */
    public record Applied(int statuses, int ignored, int unknown, int received) {
    }

    boolean markSent(Handle h, ChannelMessage m, String wamid) {
        int n = h.createUpdate("UPDATE messages SET status = 'sent', upstream_message_id = :u, upstream_status = 'accepted', "
                        + "sent_at = :now WHERE id = :id AND status = 'queued'")
                .bind("u", wamid).bind("now", clock.instant()).bind("id", m.id()).execute();
        if (n == 1) {
            // the tenant's row (the event locks it) before the day's counter row, as every move and the send's debit
            // take them: a webhook's move, dispatch and a send never wait for each other in opposite orders
            events.append(h, m.tenantId(), EventTypes.MESSAGE_SENT, data(m, WhatsAppStatus.SENT, null, null, false));
            usage.upstreamAccepted(h, m.tenantId(), UsageCounters.WHATSAPP, category(m), 1);
        }
        return n == 1;
    }

    /** queued → failed, refunded. */
    boolean failQueued(Handle h, ChannelMessage m, String code, String description) {
        int n = h.createUpdate("UPDATE messages SET status = 'failed', error_code = :code, error_description = :d, "
                        + "failed_at = :now WHERE id = :id AND status = 'queued'")
                .bind("code", truncate(code, 32)).bind("d", truncate(description, 500)).bind("now", clock.instant())
                .bind("id", m.id()).execute();
        if (n != 1) {
            return false;
        }
        refund(h, m);
        events.append(h, m.tenantId(), EventTypes.MESSAGE_FAILED, data(m, WhatsAppStatus.FAILED, code, description, true));
        usage.failed(h, m.tenantId(), UsageCounters.WHATSAPP, category(m));
        return true;
    }

    /** Returns a message's charge once. */
    void refund(Handle h, ChannelMessage m) {
        int marked = h.createUpdate("UPDATE messages SET refunded = TRUE WHERE id = :id AND refunded = FALSE")
                .bind("id", m.id()).execute();
        if (marked != 1 || ledger.isRefunded(h, m.id())) {
            return;
        }
        ledger.refund(h, m.tenantId(), m.cost(), m.id(), Posting.of("refund", "Refund for " + m.id()).withReference(m.id()));
        usage.refunded(h, m.tenantId(), UsageCounters.WHATSAPP, category(m), m.cost().cents());
    }

    /** The counters' category of a message: its pricing category's wire name. */
    private static String category(ChannelMessage m) {
        return m.category() == null ? "" : m.category().wireName();
    }

    /** The daily usage counters these moves update. */
    public UsageCounters usage() {
        return usage;
    }

    /**
     * Applies one verified webhook body of Meta's: statuses move messages forward by wamid (duplicates and stale news
     * change nothing; unknown ids are logged), replies are stored for the tenant that owns them. Each change commits
     * in its own short transaction.
     */
    public Applied apply(JsonNode body) {
        int[] counts = new int[4];
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String phoneNumberId = value.path("metadata").path("phone_number_id").asText(null);
                for (JsonNode status : value.path("statuses")) {
                    counts[applyOrHold(status)]++;
                }
                for (JsonNode message : value.path("messages")) {
                    if (jdbi.inTransaction(h -> receive(h, phoneNumberId, message))) {
                        counts[3]++;
                    }
                }
            }
        }
        return new Applied(counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * A status for a wamid no message carries yet is held, then looked up once more: dispatch may have committed the
     * wamid meanwhile (it applies held statuses after it commits, so between the two no status is lost).
     */
    private int applyOrHold(JsonNode status) {
        int outcome = jdbi.inTransaction(h -> applyStatus(h, status));
        if (outcome != 2) {
            return outcome;
        }
        String wamid = truncate(status.path("id").asText(""), 128);
        if (wamid.isEmpty()) {
            return 2;
        }
        held.hold(wamid, status.toString());
        outcome = jdbi.inTransaction(h -> applyStatus(h, status));
        if (outcome != 2) {
            held.forget(List.of(wamid));
        } else {
            log.info("WhatsApp status {} for unknown wamid {}: held in case its message is being recorded",
                    status.path("status").asText(), wamid);
        }
        return outcome;
    }

    /** Applies statuses that arrived before their message's wamid was committed; call after committing it. */
    void applyHeld(String wamid) {
        List<String> payloads = held.payloads(List.of(wamid));
        if (payloads.isEmpty()) {
            return;
        }
        for (String payload : payloads) {
            try {
                JsonNode status = Json.mapper().readTree(payload);
                jdbi.inTransaction(h -> applyStatus(h, status));
            } catch (java.io.IOException e) {
                log.warn("held WhatsApp status for {} is not JSON; dropped", wamid);
            }
        }
        held.forget(List.of(wamid));
    }

    /** Drops held statuses older than {@code age}: their wamids were never ours. */
    public int purgeHeld(java.time.Duration age) {
        return held.purgeOlderThan(age);
    }

    // 0 applied, 1 ignored, 2 unknown
    private int applyStatus(Handle h, JsonNode status) {
        String wamid = status.path("id").asText("");
        Optional<WhatsAppStatus> target = WhatsAppStatus.fromMeta(status.path("status").asText(null));
        Optional<ChannelMessage> found = WhatsAppStore.findByWamid(h, wamid);
        if (found.isEmpty()) {
            return 2;
        }
        ChannelMessage m = found.get();
        WhatsAppStatus was = WhatsAppStatus.fromStored(m.status());
        if (target.isEmpty() || was == null || !was.canMoveTo(target.get())) {
            return 1;
        }
        WhatsAppStatus next = target.get();
        JsonNode error = status.path("errors").path(0);
        String code = error.isMissingNode() ? null : error.path("code").asText(null);
        String title = error.isMissingNode() ? null
                : error.path("title").asText(error.path("message").asText(null));
        String column = switch (next) {
            case SENT -> "sent_at";
            case DELIVERED -> "delivered_at";
            case READ -> "read_at";
            default -> "failed_at";
        };
        Instant now = clock.instant();
        // a read message was delivered too, even when Meta skipped that status
        String also = next == WhatsAppStatus.READ ? ", delivered_at = COALESCE(delivered_at, :now)" : "";
        int n = h.createUpdate("UPDATE messages SET status = :next, upstream_status = :us, " + column + " = :now" + also
                        + (next == WhatsAppStatus.FAILED ? ", error_code = :code, error_description = :title" : "")
                        + " WHERE id = :id AND status = :was")
                .bind("next", next.wireName()).bind("us", next.wireName()).bind("now", now)
                .bind("code", truncate(code == null ? "failed" : code, 32)).bind("title", truncate(title, 500))
                .bind("id", m.id()).bind("was", m.status()).execute();
        if (n != 1) {
            return 1;
        }
        // The event (or the refund) locks the tenant's row before the usage counters are touched: every writer of a
        // tenant takes the two in that order, so a status and a dispatch of the same tenant never deadlock.
        switch (next) {
            case SENT -> {
                events.append(h, m.tenantId(), EventTypes.MESSAGE_SENT, data(m, next, null, null, m.refunded()));
                usage.upstreamAccepted(h, m.tenantId(), UsageCounters.WHATSAPP, category(m), 1);
            }
            case DELIVERED -> {
                events.append(h, m.tenantId(), EventTypes.MESSAGE_DELIVERED, data(m, next, null, null, m.refunded()));
                usage.delivered(h, m.tenantId(), UsageCounters.WHATSAPP, category(m));
            }
            case READ -> {
                events.append(h, m.tenantId(), EventTypes.MESSAGE_READ, data(m, next, null, null, m.refunded()));
                if (was != WhatsAppStatus.DELIVERED) {
                    usage.delivered(h, m.tenantId(), UsageCounters.WHATSAPP, category(m));
                }
            }
            default -> {
                // Meta does not charge for a failed message, so neither do we
                refund(h, m);
                events.append(h, m.tenantId(), EventTypes.MESSAGE_FAILED,
                        data(m, next, code == null ? "failed" : code, title, true));
                usage.failed(h, m.tenantId(), UsageCounters.WHATSAPP, category(m));
            }
        }
        return 0;
    }

    private boolean receive(Handle h, String phoneNumberId, JsonNode message) {
        String wamid = message.path("id").asText("");
        String from = PhoneNumbers.normalize(message.path("from").asText("")).orElse(message.path("from").asText(""));
        if (wamid.isEmpty() || from.isEmpty()) {
            log.info("WhatsApp message without id or sender ignored");
            return false;
        }
        boolean seen = h.createQuery("SELECT COUNT(*) FROM inbound_messages WHERE upstream_message_id = :u")
                .bind("u", wamid).mapTo(Integer.class).one() > 0;
        if (seen) {
            return false;
        }
        Optional<Long> tenant = owner(h, phoneNumberId, from);
        if (tenant.isEmpty()) {
            log.info("WhatsApp message {} from a number no tenant has written to (phone number id {}) dropped", wamid,
                    phoneNumberId);
            return false;
        }
        String type = message.path("type").asText("text");
        String text = "text".equals(type) ? message.path("text").path("body").asText(null) : null;
        String context = message.path("context").path("id").asText(null);
        String replyTo = context == null ? null : WhatsAppStore.findByWamid(h, context)
                .filter(m -> m.tenantId() == tenant.get()).map(ChannelMessage::id).orElse(null);
        long seconds = message.path("timestamp").asLong(0);
        Instant now = clock.instant();
        Instant receivedAt = seconds > 0 ? Instant.ofEpochSecond(seconds) : now;
        // the window counts from when we heard of it, so a late webhook never opens a window shorter than Meta's
        if (receivedAt.isAfter(now)) {
            receivedAt = now;
        }
        String id = ids.next("MSG");
        h.createUpdate("INSERT INTO inbound_messages (" + WhatsAppStore.INBOUND_COLUMNS + ") VALUES (:id, :t, 'whatsapp', "
                        + ":from, :pn, :u, :type, :body, :reply, :at, :now)")
                .bind("id", id).bind("t", tenant.get()).bind("from", truncate(from, 16)).bind("pn", phoneNumberId)
                .bind("u", truncate(wamid, 128)).bind("type", truncate(type, 16)).bind("body", truncate(text, 4096))
                .bind("reply", replyTo).bind("at", receivedAt).bind("now", now).execute();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message_id", id);
        data.put("channel", "whatsapp");
        data.put("direction", "inbound");
        data.put("from", from);
        data.put("type", type);
        data.put("text", text);
        data.put("reply_to", replyTo);
        data.put("received_at", receivedAt.toString());
        events.append(h, tenant.get(), EventTypes.MESSAGE_RECEIVED, data);
        // STOP, UNSUBSCRIBE or STOP ALL opts the number out of the tenant it was routed to, with the reply
        if (text != null && OptOuts.isStopWord(text)) {
            optOuts.record(h, tenant.get(), from, "replied " + text.strip(), OptOuts.SOURCE_REPLY);
        }
        return true;
    }

    /**
     * Whose customer wrote: the tenant whose own number it is, else (on the shared number) the tenant that last
     * messaged that customer there.
     */
    private Optional<Long> owner(Handle h, String phoneNumberId, String from) {
        if (phoneNumberId != null) {
            Optional<Long> own = h.createQuery("SELECT id FROM tenants WHERE whatsapp_phone_number_id = :pn")
                    .bind("pn", phoneNumberId).mapTo(Long.class).findOne();
            if (own.isPresent()) {
                return own;
            }
        }
        String pn = phoneNumberId == null ? platformPhoneNumberId : phoneNumberId;
        return h.createQuery("SELECT tenant_id FROM messages WHERE channel = 'whatsapp' AND recipient = :r "
                        + "AND phone_number_id = :pn ORDER BY created_at DESC LIMIT 1")
                .bind("r", from).bind("pn", pn).mapTo(Long.class).findFirst();
    }

    static Map<String, Object> data(ChannelMessage m, WhatsAppStatus status, String errorCode, String errorDescription,
                                    boolean refunded) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message_id", m.id());
        data.put("channel", "whatsapp");
        data.put("reference", m.reference());
        data.put("recipient", m.recipient());
        data.put("status", status.wireName());
        if (errorCode == null) {
            data.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", errorCode);
            error.put("description", errorDescription);
            data.put("error", error);
        }
        data.put("category", m.category() == null ? null : m.category().wireName());
        data.put("cost", m.cost().toDecimal());
        data.put("refunded", refunded);
        return data;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
