package io.jumbe.server.docs;

import io.jumbe.docs.Deprecations;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Answers every operation {@code openapi.yaml} marks {@code deprecated: true}, and every operation whose success
 * answer holds a property marked {@code deprecated: true}, with {@code Deprecation} (RFC 9745), {@code Sunset}
 * (RFC 8594) and a {@code Link} to the changelog (whose {@code title} names the deprecated fields, if it is they), on
 * success and on problems alike, so a client learns of the removal from any answer it logs. The list comes from the
 * docs build ({@link Deprecations}).
 */
public final class DeprecationHeaders implements RouteGroup {
    /** Where the changelog says what replaces a deprecated operation. */
    static final String LINK = Deprecations.LINK;

    private final Deprecations deprecations;

    public DeprecationHeaders(Deprecations deprecations) {
        this.deprecations = deprecations;
    }

    @Override
    public void register(RoutesConfig routes) {
        if (!deprecations.operations().isEmpty()) {
            // before authentication and handlers, so a refused or failed call carries the headers too
            routes.beforeMatched(this::mark);
        }
    }

    private void mark(Context ctx) {
        // the endpoint routing matched (ctx.endpoint() is this before-handler itself)
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return;
        }
        deprecations.find(ctx.method().name(), endpoint.path).ifPresent(op -> {
            ctx.header("Deprecation", op.deprecationHeader());
            ctx.header("Sunset", op.sunsetHeader());
            ctx.header("Link", op.linkHeader());
        });
    }
}
