package io.jumbe.server.http;

import io.jumbe.core.tenant.Tenant;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, milliseconds, client id. Paths of provider callbacks carry a secret
 * token, so those are logged by their route template instead.
 */
public final class RequestLog {
    private static final Logger log = LoggerFactory.getLogger("jumbe.http");
    private final HttpMetrics metrics;

    public RequestLog(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    public void log(Context ctx, Float millis) {
        String route = route(ctx);
        String path = ctx.path().startsWith("/api/webhooks/") ? route : ctx.path();
        Tenant tenant = ctx.attribute(Authenticator.TENANT);
        log.info("{} {} {} {}ms client={}", ctx.method().name(), path, ctx.statusCode(),
                tenths(millis), tenant == null ? "-" : tenant.id());
        metrics.record(ctx, route, millis);
    }

    /** {@code 12.3}: milliseconds to one decimal, without a Formatter on every request. */
    static String tenths(float millis) {
        long tenths = Math.round(millis * 10.0);
        return tenths / 10 + "." + tenths % 10;
    }

    static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
