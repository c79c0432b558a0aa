package io.jumbe.server.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.sms.HistoryFilter;
import io.jumbe.core.sms.MessageStatus;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.sms.SmsService;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.LargeBodies;
import io.jumbe.server.http.Page;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tenant's SMS endpoints: parse, call {@link SmsService}, shape the answer. */
public final class SmsHandlers implements RouteGroup {
    private static final List<String> STATUSES = Arrays.stream(MessageStatus.values()).map(MessageStatus::wireName).toList();
    private final SmsService sms;
    private final Idempotency idempotency;
    private final LargeBodies largeBodies;

    /** @param largeBodies admits bulk sends and quotes with a large body a few at a time */
    public SmsHandlers(SmsService sms, Idempotency idempotency, LargeBodies largeBodies) {
        this.sms = sms;
        this.idempotency = idempotency;
        this.largeBodies = largeBodies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/{client_id}/sms/send", largeBodies.admit(idempotency.wrap(this::send)));
        routes.post("/api/{client_id}/sms/quote", largeBodies.admit(this::quote));
        routes.get("/api/{client_id}/sms/status/{message_id}", this::status);
        routes.get("/api/{client_id}/sms/history", this::history);
        routes.get("/api/{client_id}/sms/statistics", this::statistics);
        routes.get("/api/{client_id}/client/statistics", this::clientStatistics);
        routes.delete("/api/{client_id}/sms/{message_id}", idempotency.wrap(this::cancel));
    }

    void send(Context ctx) {
        Responses.json(ctx, 202, sendBody(sms, ctx));
    }

    /**
     * Sends the request's SMS and returns the answer's body, exactly as {@code POST /sms/send} does; the
     * cross-channel {@code POST /messages/send} uses it for {@code "channel": "sms"}.
     */
    public static Map<String, Object> sendBody(SmsService sms, Context ctx) {
        SendRequest request = request(ctx);
        return SmsViews.sent(sms.send(Authenticator.tenant(ctx), request));
    }

    void quote(Context ctx) {
        SendRequest request = request(ctx);
        Responses.json(ctx, 200, SmsViews.quote(sms.quote(Authenticator.tenant(ctx), request)));
    }

    void status(Context ctx) {
        Responses.json(ctx, 200, SmsViews.message(sms.get(Authenticator.tenantId(ctx), ctx.pathParam("message_id"))));
    }

    void history(Context ctx) {
        long tenantId = Authenticator.tenantId(ctx);
        Query q = new Query(ctx);
        String status = q.oneOf("status", STATUSES);
        HistoryFilter filter = new HistoryFilter(status == null ? null : MessageStatus.fromWire(status),
                q.text("recipient"), q.text("reference"), q.time("from", false), q.time("to", true));
        PageRequest page = q.pageRequest();
        q.throwIfInvalid();
        Responses.json(ctx, 200, Page.of(sms.history(tenantId, filter, page), SmsViews::message));
    }

    void statistics(Context ctx) {
        long tenantId = Authenticator.tenantId(ctx);
        Query q = new Query(ctx);
        // a bare date is a day in TIMEZONE, as "today" and "this month" are
        Instant from = q.time("from", false, sms.lifecycle().usage().zone());
        Instant to = q.time("to", true, sms.lifecycle().usage().zone());
        q.throwIfInvalid();
        if (from == null && to == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            Instant end = sms.upToNow();
            body.put("today", SmsViews.statistics(sms.statistics(tenantId, sms.startOfToday(), end)));
            body.put("this_month", SmsViews.statistics(sms.statistics(tenantId, sms.startOfMonth(), end)));
            Responses.json(ctx, 200, body);
            return;
        }
        Instant start = from == null ? sms.startOfMonth() : from;
        Instant end = to == null ? sms.upToNow() : to;
        Responses.json(ctx, 200, SmsViews.statistics(sms.statistics(tenantId, start, end)));
    }

    void clientStatistics(Context ctx) {
        Responses.json(ctx, 200, SmsViews.client(sms.clientStatistics(Authenticator.tenantId(ctx))));
    }

    void cancel(Context ctx) {
        Responses.json(ctx, 200, SmsViews.message(sms.cancel(Authenticator.tenantId(ctx), ctx.pathParam("message_id"))));
    }

    private static SendRequest request(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("recipients"));
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
        String message = body.requiredText("message");
        String sender = body.text("sender").orElse(null);
        Instant scheduleAt = body.instant("schedule_at").orElse(null);
        String reference = body.text("reference").orElse(null);
        body.throwIfInvalid();
        return new SendRequest(recipients, message, sender, scheduleAt, reference, hasOne);
    }
}
