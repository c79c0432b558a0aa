package io.jumbe.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.whatsapp.MetaSignature;
import io.jumbe.core.whatsapp.WhatsAppLifecycle;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's webhooks at {@code /api/webhooks/whatsapp}: the verification GET ({@code hub.mode}, {@code hub.verify_token},
 * {@code hub.challenge}) and the signed POSTs, whose {@code X-Hub-Signature-256} is checked over the raw bytes before
 * anything is parsed: missing or wrong → 401 and nothing applied.
 */
public final class MetaWebhookHandlers implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(MetaWebhookHandlers.class);
    public static final String PATH = "/api/webhooks/whatsapp";
    private final WhatsAppLifecycle lifecycle;
    private final MetaSignature signature;
    private final Supplier<String> verifyToken;

    public MetaWebhookHandlers(WhatsAppLifecycle lifecycle, MetaSignature signature, Supplier<String> verifyToken) {
        this.lifecycle = lifecycle;
        this.signature = signature;
        this.verifyToken = verifyToken;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::verify);
        routes.post(PATH, this::notification);
    }

    void verify(Context ctx) {
        if (!MetaSignature.challengeAccepted(ctx.queryParam("hub.mode"), ctx.queryParam("hub.verify_token"),
                verifyToken.get())) {
            throw new HttpProblem(403, "forbidden", "The verify token does not match.");
        }
        String challenge = ctx.queryParam("hub.challenge");
        Responses.raw(ctx, challenge == null ? "" : challenge, "text/plain");
    }

    void notification(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (!signature.verify(raw, ctx.header("X-Hub-Signature-256"))) {
            log.warn("Meta webhook with a missing or wrong X-Hub-Signature-256 refused");
            throw new HttpProblem(401, "unauthorized", "X-Hub-Signature-256 is missing or does not sign this body.");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(raw);
        } catch (IOException e) {
            throw new HttpProblem(400, "validation_failed", "The body is not JSON.");
        }
        if (body == null || !body.isObject()) {
            throw new HttpProblem(400, "validation_failed", "The body is not a JSON object.");
        }
        WhatsAppLifecycle.Applied applied = lifecycle.apply(body);
        Responses.json(ctx, 200, Map.of("status", "ok", "statuses", applied.statuses(), "received", applied.received()));
    }
}
