package io.jumbe.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.sms.Rejection;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.whatsapp.ChannelMessage;
import io.jumbe.core.whatsapp.InboundMessage;
import io.jumbe.core.whatsapp.MessageFilter;
import io.jumbe.core.whatsapp.Template;
import io.jumbe.core.whatsapp.TemplateRef;
import io.jumbe.core.whatsapp.WhatsAppSendRequest;
import io.jumbe.core.whatsapp.WhatsAppSendResult;
import io.jumbe.core.whatsapp.WhatsAppService;
import io.jumbe.core.whatsapp.WhatsAppUnavailableException;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.LargeBodies;
import io.jumbe.server.http.Page;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.jumbe.server.sms.SmsHandlers;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-channel message endpoints ({@code /messages/send} for SMS and WhatsApp, {@code /messages},
 * {@code /messages/{id}}) and {@code /whatsapp/templates}: parse, call the core service, shape the answer.
 */
public final class MessagesHandlers implements RouteGroup {
    private static final List<String> CHANNELS = List.of("sms", "whatsapp");
    private static final List<String> STATUSES = List.of("queued", "sent", "delivered", "read", "failed", "expired",
            "cancelled");
    private final WhatsAppService whatsapp;
    private final SmsService sms;
    private final Idempotency idempotency;
    private final LargeBodies largeBodies;

    public MessagesHandlers(WhatsAppService whatsapp, SmsService sms, Idempotency idempotency, LargeBodies largeBodies) {
        this.whatsapp = whatsapp;
        this.sms = sms;
        this.idempotency = idempotency;
        this.largeBodies = largeBodies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/{client_id}/messages/send", largeBodies.admit(idempotency.wrap(this::send)));
        routes.get("/api/{client_id}/messages/{message_id}", this::get);
        routes.get("/api/{client_id}/messages", this::list);
        routes.get("/api/{client_id}/whatsapp/templates", this::templates);
    }

    void send(Context ctx) {
        // one parse of the body (recipients streamed); an SMS is then read again exactly as /sms/send reads it
        JsonBody body = JsonBody.of(ctx, Set.of("recipients"));
        String channel = body.oneOf("channel", CHANNELS).orElse(null);
        if (channel == null && !body.has("channel")) {
            body.addError("channel", "is required: sms or whatsapp");
        }
        if (channel == null) {
            body.throwIfInvalid();
        }
        if ("sms".equals(channel)) {
            Map<String, Object> answer = new LinkedHashMap<>(SmsHandlers.sendBody(sms, ctx));
            answer.put("channel", "sms");
            Responses.json(ctx, 202, answer);
            return;
        }
        WhatsAppSendRequest request = request(body);
        Responses.json(ctx, 202, sent(unavailableAs503(() -> whatsapp.send(Authenticator.tenant(ctx), request))));
    }

    private static <T> T unavailableAs503(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WhatsAppUnavailableException e) {
            throw new HttpProblem(503, "service_unavailable", "WhatsApp is unavailable right now (the template list "
                    + "could not be read); try again shortly.");
        }
    }

    private static WhatsAppSendRequest request(JsonBody body) {
        boolean hasOne = body.has("recipient");
        boolean hasMany = body.has("recipients");
        List<String> recipients = List.of();
        if (hasOne && hasMany) {
            body.addError("recipients", "give either 'recipient' or 'recipients', not both");
        } else if (hasOne) {
            JsonNode n = body.node("recipient");
            if (n.isTextual() || n.isNumber()) {
                recipients = List.of(n.asText());
            } else {
                body.addError("recipient", "must be a string");
            }
        } else if (hasMany) {
            recipients = body.textList("recipients").orElse(List.of());
        } else {
            body.addError("recipient", "is required (or 'recipients' for several)");
        }
        String text = body.text("text").orElse(null);
        TemplateRef template = TemplateField.read(body);
        if (text == null && template == null && !body.has("text")) {
            body.addError("text", "is required (or 'template')");
        }
        if (body.has("message")) {
            body.addError("message", "is an SMS field; a WhatsApp message has 'text' or 'template'");
        }
        Instant scheduleAt = body.instant("schedule_at").orElse(null);
        String reference = body.text("reference").orElse(null);
        body.throwIfInvalid();
        return new WhatsAppSendRequest(recipients, text, template, scheduleAt, reference, hasOne);
    }

    static Map<String, Object> sent(WhatsAppSendResult r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "queued");
        if (r.single()) {
            WhatsAppSendResult.Queued m = r.messages().get(0);
            body.put("message_id", m.messageId());
            body.put("channel", "whatsapp");
            body.put("recipient", m.recipient());
            body.put("category", r.category().wireName());
            body.put("cost", m.cost().toDecimal());
            body.put("balance", r.balance().toDecimal());
            return body;
        }
        body.put("batch_id", r.batchId());
        body.put("channel", "whatsapp");
        body.put("category", r.category().wireName());
        body.put("messages", r.messages().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("message_id", m.messageId());
            item.put("recipient", m.recipient());
            item.put("cost", m.cost().toDecimal());
            return item;
        }).toList());
        body.put("total_cost", r.totalCost().toDecimal());
        body.put("balance", r.balance().toDecimal());
        body.put("rejected", r.rejected().stream().map(Rejection::toMap).toList());
        return body;
    }

    void get(Context ctx) {
        long tenantId = Authenticator.tenantId(ctx);
        String id = ctx.pathParam("message_id");
        var inbound = whatsapp.findInbound(tenantId, id);
        if (inbound.isPresent()) {
            Responses.json(ctx, 200, inbound(inbound.get()));
            return;
        }
        Responses.json(ctx, 200, message(whatsapp.get(tenantId, id)));
    }

    void list(Context ctx) {
        long tenantId = Authenticator.tenantId(ctx);
        Query q = new Query(ctx);
        String channel = q.oneOf("channel", CHANNELS);
        String status = q.oneOf("status", STATUSES);
        String direction = q.oneOf("direction", List.of("outbound", "inbound"));
        MessageFilter filter = new MessageFilter(channel, status, q.text("recipient"), q.text("reference"),
                q.time("from", false), q.time("to", true));
        PageRequest page = q.pageRequest();
        q.throwIfInvalid();
        if ("inbound".equals(direction)) {
            Responses.json(ctx, 200, Page.of(whatsapp.inbound(tenantId, filter, page), MessagesHandlers::inbound));
        } else {
            Responses.json(ctx, 200, Page.of(whatsapp.history(tenantId, filter, page), MessagesHandlers::message));
        }
    }

    void templates(Context ctx) {
        long tenantId = Authenticator.tenantId(ctx);
        List<Template> all = unavailableAs503(() -> whatsapp.templates(tenantId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", all.stream().map(t -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", t.name());
            item.put("language", t.language());
            item.put("category", t.category().wireName());
            item.put("status", t.status());
            item.put("parameters", t.parameters());
            return item;
        }).toList());
        Responses.json(ctx, 200, body);
    }

    static Map<String, Object> message(ChannelMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", m.id());
        body.put("channel", m.channel());
        body.put("direction", "outbound");
        body.put("batch_id", m.batchId());
        body.put("status", m.status());
        body.put("recipient", m.recipient());
        if (m.isWhatsApp()) {
            body.put("text", m.text());
            if (m.templateName() != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", m.templateName());
                t.put("language", m.templateLanguage());
                t.put("parameters", m.templateParameters());
                body.put("template", t);
            } else {
                body.put("template", null);
            }
            body.put("category", m.category() == null ? null : m.category().wireName());
        } else {
            body.put("sender", m.sender());
            body.put("message", m.text());
            body.put("segments", m.segments());
        }
        body.put("cost", m.cost().toDecimal());
        body.put("refunded", m.refunded());
        body.put("reference", m.reference());
        if (m.errorCode() == null) {
            body.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", m.errorCode());
            error.put("description", m.errorDescription());
            body.put("error", error);
        }
        body.put("scheduled_at", iso(m.scheduledAt()));
        body.put("created_at", iso(m.createdAt()));
        body.put("sent_at", iso(m.sentAt()));
        body.put("delivered_at", iso(m.deliveredAt()));
        if (m.isWhatsApp()) {
            body.put("read_at", iso(m.readAt()));
        }
        body.put("failed_at", iso(m.failedAt()));
        return body;
    }

    static Map<String, Object> inbound(InboundMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", m.id());
        body.put("channel", m.channel());
        body.put("direction", "inbound");
        body.put("from", m.from());
        body.put("type", m.type());
        body.put("text", m.text());
        body.put("reply_to", m.replyTo());
        body.put("received_at", iso(m.receivedAt()));
        return body;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
