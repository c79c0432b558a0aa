package io.jumbe.server.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.jumbe.core.campaigns.Audience;
import io.jumbe.core.campaigns.Campaign;
import io.jumbe.core.campaigns.CampaignRecipient;
import io.jumbe.core.campaigns.CampaignRequest;
import io.jumbe.core.campaigns.CampaignService;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.PageRequest;
import io.jumbe.server.contacts.CsvOut;
import io.jumbe.core.whatsapp.TemplateRef;
import io.jumbe.core.whatsapp.WhatsAppUnavailableException;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.CsvOrJson;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.Page;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.jumbe.server.whatsapp.TemplateField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The tenant's campaigns: parse, call {@link CampaignService}, shape the answer. */
public final class CampaignHandlers implements RouteGroup {
    private static final List<String> RECIPIENT_STATUSES = List.of("pending", "queued", "sent", "delivered", "read",
            "failed", "expired", "skipped", "cancelled");
    private static final List<String> CSV_COLUMNS = List.of("seq", "recipient", "contact_id", "message", "segments",
            "cost", "status", "reason", "message_id", "parameters");
    private final CampaignService campaigns;
    private final Idempotency idempotency;

    public CampaignHandlers(CampaignService campaigns, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/{client_id}/campaigns", idempotency.wrap(this::create));
        routes.get("/api/{client_id}/campaigns", this::list);
        routes.get("/api/{client_id}/campaigns/{campaign_id}", this::get);
        routes.get("/api/{client_id}/campaigns/{campaign_id}/preview", this::preview);
        routes.get("/api/{client_id}/campaigns/{campaign_id}/recipients", this::recipients);
        routes.post("/api/{client_id}/campaigns/{campaign_id}/launch", idempotency.wrap(this::launch));
        routes.post("/api/{client_id}/campaigns/{campaign_id}/pause", idempotency.wrap(this::pause));
        routes.post("/api/{client_id}/campaigns/{campaign_id}/resume", idempotency.wrap(this::resume));
        routes.post("/api/{client_id}/campaigns/{campaign_id}/cancel", idempotency.wrap(this::cancel));
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        String name = body.requiredText("name");
        String channel = body.oneOf("channel", List.of("sms", "whatsapp")).orElse("sms");
        String sender = body.text("sender").orElse(null);
        // the core says which of message and template the channel takes, and refuses the other
        String message = channel.equals("whatsapp") ? body.text("message").orElse(null) : body.requiredText("message");
        TemplateRef template = TemplateField.read(body);
        if (channel.equals("whatsapp") && template == null && !body.has("template")) {
            body.addError("template", "is required: the name, language and parameters of an approved template");
        }
        Instant scheduleAt = body.instant("schedule_at").orElse(null);
        String reference = body.text("reference").orElse(null);
        Audience audience = new Audience(null, null, null);
        JsonNode a = body.node("audience");
        if (a == null || !a.isObject()) {
            body.addError("audience", "is required: an object with groups, contacts and/or recipients");
        } else {
            audience = new Audience(list(body, a, "groups"), list(body, a, "contacts"), list(body, a, "recipients"));
        }
        body.throwIfInvalid();
        CampaignRequest request = new CampaignRequest(name, channel, sender, message, audience, scheduleAt, reference,
                template);
        Campaign c = whatsAppAvailable(() -> campaigns.create(Authenticator.tenantId(ctx), request));
        Responses.json(ctx, 201, view(c));
    }

    private static List<String> list(JsonBody body, JsonNode audience, String field) {
        JsonNode n = audience.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            body.addError("audience." + field, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i).isTextual() || n.get(i).isNumber()) {
                out.add(n.get(i).asText());
            } else {
                body.addError("audience." + field + "[" + i + "]", "must be a string");
            }
        }
        return out;
    }

    void list(Context ctx) {
        Query q = new Query(ctx);
        PageRequest page = q.pageRequest();
        q.throwIfInvalid();
        Responses.json(ctx, 200, Page.of(campaigns.list(Authenticator.tenantId(ctx), page), CampaignHandlers::view));
    }

    void get(Context ctx) {
        Responses.json(ctx, 200, view(whatsAppAvailable(() -> campaigns.get(Authenticator.tenantId(ctx),
                ctx.pathParam("campaign_id")))));
    }

    void preview(Context ctx) {
        List<Map<String, Object>> data = whatsAppAvailable(() -> campaigns.preview(Authenticator.tenantId(ctx),
                ctx.pathParam("campaign_id"))).stream().map(CampaignHandlers::recipientView).toList();
        Responses.json(ctx, 200, Map.of("data", data));
    }

    void recipients(Context ctx) {
        Query q = new Query(ctx);
        String status = q.oneOf("status", RECIPIENT_STATUSES);
        String format = q.oneOf("format", List.of("json", "csv"));
        boolean csv = CsvOrJson.wantsCsv(format, ctx.header("Accept"));
        PageRequest page = csv ? null : q.pageRequest();
        q.throwIfInvalid();
        long tenantId = Authenticator.tenantId(ctx);
        String id = ctx.pathParam("campaign_id");
        ctx.header("Vary", "Accept");
        if (csv) {
            campaigns.get(tenantId, id); // 404 before the CSV answer starts
            try (CsvOut out = CsvOut.start(ctx, "campaign-recipients.csv")) {
                out.row(CSV_COLUMNS);
                campaigns.forEachRecipient(tenantId, id, status, r -> {
                    Map<String, Object> v = recipientView(r);
                    // a WhatsApp recipient's parameters as one JSON array cell
                    v.computeIfPresent("parameters", (k, p) -> Json.write(p));
                    out.row(CSV_COLUMNS.stream().map(v::get).toList());
                });
            }
            return;
        }
        Responses.json(ctx, 200, Page.of(campaigns.recipients(tenantId, id, status, page),
                CampaignHandlers::recipientView));
    }

    void launch(Context ctx) {
        Responses.json(ctx, 200, view(whatsAppAvailable(() -> campaigns.launch(Authenticator.tenantId(ctx),
                ctx.pathParam("campaign_id")))));
    }

    // A WhatsApp campaign's draft reads the business account's templates: when they cannot be read, 503, not 500.
    private static <T> T whatsAppAvailable(Supplier<T> call) {
        try {
            return call.get();
        } catch (WhatsAppUnavailableException e) {
            throw new HttpProblem(503, "service_unavailable", "WhatsApp is unavailable right now (the template list "
                    + "could not be read); try again shortly.");
        }
    }

    void pause(Context ctx) {
        Responses.json(ctx, 200, view(campaigns.pause(Authenticator.tenantId(ctx), ctx.pathParam("campaign_id"))));
    }

    void resume(Context ctx) {
        Responses.json(ctx, 200, view(campaigns.resume(Authenticator.tenantId(ctx), ctx.pathParam("campaign_id"))));
    }

    void cancel(Context ctx) {
        Responses.json(ctx, 200, view(campaigns.cancel(Authenticator.tenantId(ctx), ctx.pathParam("campaign_id"))));
    }

    static Map<String, Object> view(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign_id", c.id());
        m.put("name", c.name());
        m.put("channel", c.channel());
        m.put("sender", c.sender());
        m.put("message", c.message());
        if (c.template() == null) {
            m.put("template", null);
        } else {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", c.template().name());
            t.put("language", c.template().language());
            t.put("parameters", c.template().parameters());
            t.put("category", c.category());
            m.put("template", t);
        }
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("groups", c.audience().groups());
        audience.put("contacts", c.audience().contacts());
        audience.put("recipients", c.audience().recipients());
        m.put("audience", audience);
        m.put("reference", c.reference());
        m.put("schedule_at", time(c.scheduleAt()));
        m.put("status", c.status());
        m.put("recipients", c.recipients());
        Campaign.Progress p = c.progress();
        m.put("queued", p.queued());
        m.put("sent", p.sent());
        m.put("delivered", p.delivered());
        m.put("read", p.read());
        m.put("failed", p.failed());
        m.put("skipped", c.estimate() != null ? c.estimate().skipped() : p.skipped());
        m.put("cancelled", p.cancelled());
        m.put("charged", c.charged().toDecimal());
        m.put("refunded", c.refunded().toDecimal());
        m.put("estimated_cost", c.estimate() == null ? null : c.estimate().cost().toDecimal());
        m.put("warnings", c.estimate() == null ? List.of() : c.estimate().warnings());
        m.put("created_at", time(c.createdAt()));
        m.put("launched_at", time(c.launchedAt()));
        m.put("completed_at", time(c.completedAt()));
        m.put("cancelled_at", time(c.cancelledAt()));
        return m;
    }

    static Map<String, Object> recipientView(CampaignRecipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("recipient", r.recipient());
        m.put("contact_id", r.contactId());
        m.put("message", r.message());
        // a WhatsApp message is priced per message, not per segment
        m.put("segments", r.parameters() == null ? r.segments() : null);
        m.put("cost", r.cost().toDecimal());
        m.put("status", r.status());
        m.put("reason", r.reason());
        m.put("message_id", r.messageId());
        m.put("parameters", r.parameters());
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
