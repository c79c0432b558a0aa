package io.jumbe.server.analytics;

import io.jumbe.core.analytics.Analytics;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Query;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant's usage analytics: a summary of today and this month, and a daily series. */
public final class AnalyticsHandlers implements RouteGroup {
    private final Analytics analytics;

    public AnalyticsHandlers(Analytics analytics) {
        this.analytics = analytics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/{client_id}/analytics/summary", this::summary);
        routes.get("/api/{client_id}/analytics/daily", this::daily);
    }

    void summary(Context ctx) {
        Analytics.Summary s = analytics.summary(Authenticator.tenantId(ctx));
        Map<String, Object> today = usage(s.todayUsage().total(), true);
        today.put("by_channel", byChannel(s.todayUsage(), true));
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("messages_sent", s.monthUsage().total().messagesSent());
        month.put("cost", s.monthUsage().total().cost().toDecimal());
        month.put("top_ups", s.topUps());
        month.put("total_topped_up", s.totalToppedUp().toDecimal());
        month.put("by_channel", byChannel(s.monthUsage(), false));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", today);
        body.put("this_month", month);
        Responses.json(ctx, 200, body);
    }

    void daily(Context ctx) {
        Query q = new Query(ctx);
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        String channel = q.oneOf("channel", Analytics.CHANNELS);
        q.throwIfInvalid();
        List<Map<String, Object>> data = analytics.daily(Authenticator.tenantId(ctx), from, to,
                Optional.ofNullable(channel)).stream().map(d -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("date", d.date().toString());
                    m.put("messages_sent", d.usage().messagesSent());
                    m.put("messages_delivered", d.usage().delivered());
                    m.put("messages_failed", d.usage().failed());
                    m.put("cost", d.usage().cost().toDecimal());
                    return m;
                }).toList();
        Responses.json(ctx, 200, Map.of("data", data));
    }

    private static Map<String, Object> byChannel(Analytics.Period p, boolean outcomes) {
        Map<String, Object> m = new LinkedHashMap<>();
        p.byChannel().forEach((channel, u) -> m.put(channel, usage(u, outcomes)));
        return m;
    }

    private static Map<String, Object> usage(Analytics.Usage u, boolean outcomes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages_sent", u.messagesSent());
        m.put("cost", u.cost().toDecimal());
        if (outcomes) {
            m.put("delivered", u.delivered());
            m.put("failed", u.failed());
        }
        return m;
    }
}
