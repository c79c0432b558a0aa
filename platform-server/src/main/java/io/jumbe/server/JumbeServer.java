package io.jumbe.server;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.StoreErrors;
import io.jumbe.server.http.Admission;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.payments.CallbackSources;
import io.jumbe.server.http.BodyDeadline;
import io.jumbe.server.http.StoreGuard;
import io.jumbe.server.simulator.SimulatorAccess;
import io.jumbe.server.http.HttpMetrics;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Problems;
import io.jumbe.server.http.MetricsAccess;
import io.jumbe.server.http.RateLimiting;
import io.jumbe.server.http.RefusedRequests;
import io.jumbe.server.http.RequestIds;
import io.jumbe.server.http.RequestLog;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face: cross-cutting concerns (request ids, authentication, problems, logging, metrics) and the route
 * groups it is given. It holds no business rule; every handler calls one core service.
 */
public final class JumbeServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JumbeServer.class);
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Trie nodes of the header-line cache each connection keeps (Jetty's default of 1,024 is 64 KiB a connection). */
    static final int HEADER_CACHE_NODES = 256;
    private final Javalin app;

    /** A server with the default limits ({@code SIMULATORS_PUBLIC}, {@code HTTP_BODY_TIMEOUT}, … unset). */
    public JumbeServer(Jumbe platform, HttpMetrics metrics, List<RouteGroup> groups) {
        this(platform, metrics, groups, List.of(), true);
    }

    /**
     * @param mounts things that register on the app themselves, such as the built-in simulators of the upstreams
     */
    public JumbeServer(Jumbe platform, HttpMetrics metrics, List<RouteGroup> groups,
                       List<Consumer<JavalinConfig>> mounts, boolean rateLimits) {
        this(platform, metrics, groups, mounts, rateLimits, Optional.empty(), List.of(),
                new ConfigLoader(Map.of()).load().limits());
    }

    /**
     * @param rateLimits     per-tier limits, and the per-address limit of refused requests ({@link RefusedRequests})
     * @param metricsToken   {@code METRICS_TOKEN}: see {@link MetricsAccess}
     * @param trustedProxies {@code TRUSTED_PROXIES}: behind them, refused requests count against the forwarded client
     *                       address, not the proxy's
     * @param limits         simulator access, body deadlines and requests in flight ({@code SIMULATORS_PUBLIC}, …)
     */
    public JumbeServer(Jumbe platform, HttpMetrics metrics, List<RouteGroup> groups,
                       List<Consumer<JavalinConfig>> mounts, boolean rateLimits, Optional<String> metricsToken,
                       List<String> trustedProxies, JumbeConfig.Limits limits) {
        Authenticator authenticator = new Authenticator(platform.apiKeys());
        RequestLog requestLog = new RequestLog(metrics);
        RateLimiting rateLimiting = new RateLimiting(platform.rateLimiter());
        RefusedRequests refused = new RefusedRequests(platform.clock(), RefusedRequests.DEFAULT_PER_MINUTE,
                new CallbackSources(List.of(), trustedProxies)::clientAddress);
        MetricsAccess metricsAccess = new MetricsAccess(metricsToken);
        SimulatorAccess simulatorAccess = new SimulatorAccess(limits.simulatorsPublic());
        Admission admission = new Admission(Admission.SERVER_MAX_IN_FLIGHT, limits.tenantMaxInFlight(),
                platform.foreground());
        StoreGuard storeGuard = new StoreGuard(platform.database().dataSource(), platform.clock());
        this.app = Javalin.create(config -> {
            // Javalin nests its servlet context inside a wrapper it finds on the server
            config.jetty.modifyServer(server -> server.setHandler(new BodyDeadline(limits.bodyTimeout(),
                    limits.minDataRate())));
            // Jetty gives every open connection a cache of the header lines it has seen, 1,024 trie nodes by default:
            // a 64 KiB table per connection, 6 MiB of a 72 MiB heap with the ~100 connections of tenants and delivery
            // reports of a busy server. 256 still holds the lines a client repeats (Host, Content-Type, Accept).
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE_NODES));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = false;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            // the request logger runs last for every request, whatever it ended with: it gives the permits back
            config.requestLogger.http((ctx, ms) -> {
                admission.leave(ctx);
                requestLog.log(ctx, ms);
            });
            RoutesConfig routes = config.routes;
            routes.before(ctx -> {
                RequestIds.assign(ctx);
                simulatorAccess.check(ctx);
                storeGuard.check(ctx);
                admission.enter(ctx);
                // An address past its refusals stays refused on every tenant path, known or not.
                if (rateLimits && Authenticator.guards(ctx.path())) {
                    refused.checkNotBlocked(ctx);
                }
            });
            // Keys are checked only once routing has found an endpoint, so an unknown path is 404 whatever the key
            // (never 401 or 403). Such a 404 costs no key lookup and says nothing about a key, so it is not counted
            // as a refusal.
            routes.beforeMatched(ctx -> {
                if (Authenticator.guards(ctx.path())) {
                    try {
                        authenticator.authenticate(ctx);
                    } catch (HttpProblem e) {
                        if (rateLimits) {
                            refused.record(ctx);
                        }
                        throw e;
                    }
                    if (rateLimits) {
                        rateLimiting.check(ctx);
                    }
                    admission.enterTenant(ctx, Authenticator.tenantId(ctx));
                }
            });
            routes.get("/health", ctx -> {
                boolean up = storeGuard.healthy() && platform.database().isReachable();
                Responses.json(ctx, up ? 200 : 503, Map.of("status", up ? "ok" : "unavailable",
                        "database", up ? "up" : "down"));
            });
            routes.get("/metrics", ctx -> {
                metricsAccess.check(ctx);
                Responses.raw(ctx, metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8");
            });
            groups.forEach(g -> g.register(routes));
            mounts.forEach(m -> m.accept(config));
            routes.exception(ServiceException.class, (e, ctx) -> Problems.write(ctx, e));
            routes.exception(HttpProblem.class, (e, ctx) -> Problems.write(ctx, e));
            routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e));
            routes.exception(Exception.class, (e, ctx) -> {
                if (BodyDeadline.causedBy(e)) {
                    Problems.write(ctx, 408, "request_timeout", "The request body arrived too slowly.", List.of(),
                            Map.of());
                    return;
                }
                if (StoreErrors.conflict(e)) {
                    // the database rolled the request's transaction back to break a deadlock: not a broken store,
                    // and the same request sent again goes through (with its Idempotency-Key, never twice)
                    log.info("{} {} rolled back by a transaction conflict (request {}): answered 503 to retry",
                            ctx.method(), ctx.path(), ctx.attribute(RequestIds.ATTRIBUTE));
                    ctx.header("Retry-After", "1");
                    Problems.write(ctx, 503, "service_unavailable", "The request met concurrent changes to the same "
                            + "data and was rolled back; nothing was accepted. Retry after 1 second.", List.of(),
                            Map.of("retry_after", 1));
                    return;
                }
                if (StoreGuard.isFatal(e)) {
                    storeGuard.trip(e);
                    ctx.header("Retry-After", "5");
                    Problems.write(ctx, 503, "service_unavailable", "The database cannot store anything now; nothing "
                            + "was accepted. Retry after 5 seconds.", List.of(), Map.of("retry_after", 5));
                    return;
                }
                log.error("unhandled error on {} {} (request {})", ctx.method(), ctx.path(),
                        ctx.attribute(RequestIds.ATTRIBUTE), e);
                Problems.write(ctx, 500, "internal_error", "Something went wrong on our side. Quote the request id "
                        + "when you contact support.", List.of(), Map.of());
            });
            routes.error(404, ctx -> {
                if (ctx.attribute(Responses.BODY_ATTRIBUTE) == null) {
                    Problems.write(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path(),
                            List.of(), Map.of());
                }
            });
        });
    }

    private static void fromJavalin(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        switch (status) {
            case 404 -> Problems.write(ctx, 404, "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path(),
                    List.of(), Map.of());
            case 405 -> Problems.write(ctx, 405, "method_not_allowed", "Method not allowed on this endpoint.",
                    List.of(), Map.of());
            case 413 -> Problems.write(ctx, 413, "payload_too_large", "The request body is larger than 1 MiB.",
                    List.of(), Map.of());
            default -> {
                String code = status >= 500 ? "internal_error" : "validation_failed";
                Problems.write(ctx, status, code, status >= 500 ? "Something went wrong on our side." : "The request "
                        + "could not be processed.", List.of(), Map.of());
            }
        }
    }

    /** Every endpoint registered, as {@code METHOD /path/{param}} (for the docs' contract test and route sweeps). */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .distinct()
                .sorted()
                .toList();
    }

    public JumbeServer start(int port) {
        app.start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
