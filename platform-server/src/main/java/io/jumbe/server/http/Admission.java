package io.jumbe.server.http;

import io.jumbe.core.jobs.ForegroundLoad;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests are in progress at once, so that slow or piled-up requests cannot take every worker thread:
 * server-wide, all but a reserve of the workers (answered 503 {@code service_unavailable} beyond it), leaving
 * {@code /health} and {@code /metrics} answerable; per tenant, {@code TENANT_MAX_IN_FLIGHT} (429
 * {@code rate_limited} beyond it). Both answers carry {@code Retry-After}. A request takes its permits in the
 * before-handlers and gives them back in the request logger, which Javalin runs last whatever the request ended
 * with.
 */
public final class Admission {
    /** Javalin's Jetty pool has 250 threads; this leaves 50 for the exempt paths and Jetty's own work. */
    public static final int SERVER_MAX_IN_FLIGHT = 200;
    private static final String SERVER_PERMIT = "jumbe.admission.server";
    private static final String TENANT_PERMIT = "jumbe.admission.tenant";
    private final Semaphore server;
    private final int tenantMax;
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ForegroundLoad foreground;

    /** @param foreground told of every tenant request admitted and ended, so that dispatch gives way to them */
    public Admission(int serverMax, int tenantMax, ForegroundLoad foreground) {
        this.server = new Semaphore(serverMax);
        this.tenantMax = tenantMax;
        this.foreground = foreground;
    }

    /** The paths that must answer even when the API is saturated. */
    public static boolean exempt(String path) {
        return path.equals("/health") || path.equals("/metrics");
    }

    /** Takes a server-wide permit, or refuses with 503. */
    public void enter(Context ctx) {
        if (exempt(ctx.path())) {
            return;
        }
        if (!server.tryAcquire()) {
            ctx.header("Retry-After", "1");
            throw new HttpProblem(503, "service_unavailable", "The server is handling as many requests as it can. "
                    + "Retry after 1 second.", List.of(), Map.of("retry_after", 1));
        }
        ctx.attribute(SERVER_PERMIT, Boolean.TRUE);
    }

    /** Takes a permit of the authenticated tenant, or refuses with 429. */
    public void enterTenant(Context ctx, long tenantId) {
        AtomicInteger count = inFlight.computeIfAbsent(tenantId, id -> new AtomicInteger());
        if (count.incrementAndGet() > tenantMax) {
            count.decrementAndGet();
            ctx.header("Retry-After", "1");
            throw new HttpProblem(429, "rate_limited", "Too many requests in progress at once: at most " + tenantMax
                    + " per account. Retry after 1 second.", List.of(), Map.of("retry_after", 1));
        }
        ctx.attribute(TENANT_PERMIT, tenantId);
        foreground.enter();
    }

    /** Gives back what {@link #enter} and {@link #enterTenant} took for this request. */
    public void leave(Context ctx) {
        Long tenantId = ctx.attribute(TENANT_PERMIT);
        if (tenantId != null) {
            ctx.attribute(TENANT_PERMIT, null);
            inFlight.get(tenantId).decrementAndGet();
            foreground.leave();
        }
        if (ctx.attribute(SERVER_PERMIT) != null) {
            ctx.attribute(SERVER_PERMIT, null);
            server.release();
        }
    }

    /** Requests of this tenant in progress now. */
    public int inFlight(long tenantId) {
        AtomicInteger count = inFlight.get(tenantId);
        return count == null ? 0 : count.get();
    }
}
