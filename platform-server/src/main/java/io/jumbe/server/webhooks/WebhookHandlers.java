package io.jumbe.server.webhooks;

import com.fasterxml.jackson.databind.util.RawValue;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.webhooks.AttemptResult;
import io.jumbe.core.webhooks.ConfigResult;
import io.jumbe.core.webhooks.Delivery;
import io.jumbe.core.webhooks.DeliveryAttempt;
import io.jumbe.core.webhooks.DeliveryDetail;
import io.jumbe.core.webhooks.DeliveryFilter;
import io.jumbe.core.webhooks.RotatedSecret;
import io.jumbe.core.webhooks.TestResult;
import io.jumbe.core.webhooks.WebhookConfig;
import io.jumbe.core.webhooks.WebhookConfigRequest;
import io.jumbe.core.webhooks.WebhookService;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.Page;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's webhook endpoints: configuration, secret rotation, test send, the delivery log and retry. */
public final class WebhookHandlers implements RouteGroup {
    private final WebhookService webhooks;
    private final Idempotency idempotency;

    public WebhookHandlers(WebhookService webhooks, Idempotency idempotency) {
        this.webhooks = webhooks;
        this.idempotency = idempotency;
    }

    @Override
    public void register(RoutesConfig routes) {
        // these two answer with a secret shown once: a retry must get the same one, not a new one
        routes.put("/api/{client_id}/webhooks/config", idempotency.wrap(this::putConfig));
        routes.get("/api/{client_id}/webhooks/config", this::getConfig);
        routes.delete("/api/{client_id}/webhooks/config", idempotency.wrap(this::deleteConfig));
        routes.post("/api/{client_id}/webhooks/secret/rotate", idempotency.wrap(this::rotate));
        // not keyed: it calls the receiver while it runs, which must not happen inside a key's transaction, and a
        // second test delivery is harmless
        routes.post("/api/{client_id}/webhooks/test", this::test);
        routes.get("/api/{client_id}/webhooks/deliveries", this::deliveries);
        routes.get("/api/{client_id}/webhooks/deliveries/{delivery_id}", this::delivery);
        routes.post("/api/{client_id}/webhooks/deliveries/{delivery_id}/retry", idempotency.wrap(this::retry));
    }

    void putConfig(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        String url = body.text("webhook_url").orElse(null);
        List<String> events = body.textList("events").orElse(null);
        String secret = body.text("webhook_secret").orElse(null);
        body.throwIfInvalid();
        ConfigResult result = webhooks.putConfig(Authenticator.tenantId(ctx), new WebhookConfigRequest(url, events, secret));
        Map<String, Object> view = config(result.config());
        if (result.newSecret() != null) {
            Responses.carriesSecret(ctx);
            view.put("webhook_secret", result.newSecret());
        }
        Responses.json(ctx, 200, view);
    }

    void getConfig(Context ctx) {
        Responses.json(ctx, 200, config(webhooks.config(Authenticator.tenantId(ctx))));
    }

    void deleteConfig(Context ctx) {
        Responses.json(ctx, 200, config(webhooks.disable(Authenticator.tenantId(ctx))));
    }

    void rotate(Context ctx) {
        RotatedSecret rotated = webhooks.rotateSecret(Authenticator.tenantId(ctx));
        Map<String, Object> view = new LinkedHashMap<>();
        Responses.carriesSecret(ctx);
        view.put("webhook_secret", rotated.secret());
        view.put("previous_secret_valid_until", iso(rotated.previousValidUntil()));
        Responses.json(ctx, 200, view);
    }

    void test(Context ctx) {
        TestResult result = webhooks.sendTest(Authenticator.tenantId(ctx));
        AttemptResult attempt = result.attempt();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("delivery_id", result.deliveryId());
        view.put("webhook_id", result.webhookId());
        view.put("success", attempt.success());
        view.put("http_status", attempt.httpStatus());
        view.put("latency_ms", attempt.latencyMillis());
        view.put("error", attempt.error());
        view.put("response_body", attempt.responseBody());
        Responses.json(ctx, 200, view);
    }

    void deliveries(Context ctx) {
        Query q = new Query(ctx);
        String event = q.oneOf("event", WebhookService.deliveryEventTypes());
        String status = q.oneOf("status", WebhookService.deliveryStatuses());
        Instant from = q.time("from", false);
        Instant to = q.time("to", true);
        PageRequest page = q.pageRequest();
        q.throwIfInvalid();
        Responses.json(ctx, 200, Page.of(webhooks.deliveries(Authenticator.tenantId(ctx),
                new DeliveryFilter(event, status, from, to), page), WebhookHandlers::delivery));
    }

    void delivery(Context ctx) {
        DeliveryDetail detail = webhooks.delivery(Authenticator.tenantId(ctx), ctx.pathParam("delivery_id"));
        Map<String, Object> view = delivery(detail.delivery());
        // The stored bytes as they were sent: re-serialising would change number spellings such as 250.00.
        view.put("payload", new RawValue(detail.payload()));
        view.put("attempts", detail.attempts().stream().map(WebhookHandlers::attempt).toList());
        Responses.json(ctx, 200, view);
    }

    void retry(Context ctx) {
        Delivery delivery = webhooks.retry(Authenticator.tenantId(ctx), ctx.pathParam("delivery_id"));
        Responses.json(ctx, 202, delivery(delivery));
    }

    private static Map<String, Object> config(WebhookConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("webhook_url", c.url());
        m.put("events", c.events());
        m.put("enabled", c.enabled());
        m.put("disabled_reason", c.disabledReason());
        m.put("previous_secret_valid_until", iso(c.previousSecretUntil()));
        m.put("created_at", iso(c.createdAt()));
        m.put("updated_at", iso(c.updatedAt()));
        return m;
    }

    private static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delivery_id", d.id());
        // Deprecated: every other resource names its id after itself (message_id, transaction_id), so this is
        // delivery_id; "id" stays one release for receivers written against it.
        m.put("id", d.id());
        m.put("event", d.eventType());
        m.put("event_id", d.eventId());
        m.put("webhook_id", d.webhookId());
        m.put("status", d.status());
        m.put("attempt_count", d.attempts());
        m.put("next_attempt_at", Delivery.PENDING.equals(d.status()) ? iso(d.nextAttemptAt()) : null);
        m.put("last_error", d.lastError());
        m.put("created_at", iso(d.createdAt()));
        m.put("updated_at", iso(d.updatedAt()));
        return m;
    }

    private static Map<String, Object> attempt(DeliveryAttempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempted_at", iso(a.attemptedAt()));
        m.put("http_status", a.httpStatus());
        m.put("latency_ms", a.latencyMillis());
        m.put("success", a.succeeded());
        m.put("error", a.error());
        m.put("response_body", a.responseBody());
        return m;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
