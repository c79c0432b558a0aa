package io.jumbe.server.sandbox;

import io.jumbe.core.sandbox.Sandbox;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test mode's reset: a test key's wallet back to KES 1,000.00 and its test data cleared. */
public final class SandboxHandlers implements RouteGroup {
    private final Sandbox sandbox;

    public SandboxHandlers(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/{client_id}/sandbox/reset", this::reset);
    }

    void reset(Context ctx) {
        Sandbox.Reset reset = sandbox.reset(Authenticator.tenantId(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", "test");
        body.put("balance", reset.balance().toDecimal());
        body.put("currency", "KES");
        body.put("messages_cleared", reset.messagesCleared());
        Responses.json(ctx, 200, body);
    }
}
