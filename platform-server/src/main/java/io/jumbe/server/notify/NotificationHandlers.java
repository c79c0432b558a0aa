package io.jumbe.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.notify.NotificationSettings;
import io.jumbe.core.notify.NotificationUpdate;
import io.jumbe.core.notify.Notifications;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code GET|PUT /api/{client_id}/account/notifications}: where the tenant's emails go and which it wants. */
public final class NotificationHandlers implements RouteGroup {
    private static final Set<String> KINDS = Set.of("low_balance", "topup", "webhooks");
    private final Notifications notifications;
    private final Idempotency idempotency;

    public NotificationHandlers(Notifications notifications, Idempotency idempotency) {
        this.notifications = notifications;
        this.idempotency = idempotency;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/{client_id}/account/notifications", this::show);
        routes.put("/api/{client_id}/account/notifications", idempotency.wrap(this::update));
    }

    void show(Context ctx) {
        Responses.json(ctx, 200, view(notifications.settings(Authenticator.tenantId(ctx))));
    }

    void update(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("cc"));
        String email = body.text("email").orElse(null);
        var cc = body.textList("cc").orElse(null);
        BigDecimal threshold = body.decimal("low_balance_threshold").orElse(null);
        Boolean lowBalance = null;
        Boolean topup = null;
        Boolean webhooks = null;
        JsonNode emails = body.node("emails");
        if (emails != null && !emails.isNull()) {
            if (!emails.isObject()) {
                body.addError("emails", "must be an object of true/false switches: low_balance, topup, webhooks");
            } else {
                for (var it = emails.fieldNames(); it.hasNext(); ) {
                    String kind = it.next();
                    if (!KINDS.contains(kind) || !emails.get(kind).isBoolean()) {
                        body.addError("emails." + kind, "unknown switch, or not true/false (use low_balance, topup, "
                                + "webhooks)");
                    }
                }
                lowBalance = bool(emails, "low_balance");
                topup = bool(emails, "topup");
                webhooks = bool(emails, "webhooks");
            }
        }
        Money money = null;
        if (threshold != null) {
            try {
                money = Money.of(threshold);
            } catch (IllegalArgumentException e) {
                body.addError("low_balance_threshold", "must be an amount in KES with at most two decimals");
            }
        }
        body.throwIfInvalid();
        NotificationSettings updated = notifications.update(Authenticator.tenantId(ctx),
                new NotificationUpdate(email, cc, money, lowBalance, topup, webhooks));
        Responses.json(ctx, 200, view(updated));
    }

    private static Boolean bool(JsonNode emails, String kind) {
        JsonNode value = emails.get(kind);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    static Map<String, Object> view(NotificationSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", s.email());
        out.put("cc", s.cc());
        out.put("low_balance_threshold", s.lowBalanceThreshold().toDecimal());
        Map<String, Object> emails = new LinkedHashMap<>();
        emails.put("low_balance", s.lowBalance());
        emails.put("topup", s.topup());
        emails.put("webhooks", s.webhooks());
        out.put("emails", emails);
        return out;
    }
}
