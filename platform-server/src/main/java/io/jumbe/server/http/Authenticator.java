package io.jumbe.server.http;

import io.jumbe.core.apikeys.ApiKeyService;
import io.jumbe.core.apikeys.Authenticated;
import io.jumbe.core.apikeys.Principal;
import io.jumbe.core.tenant.Tenant;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Authenticates {@code /api/{client_id}/…}: the key must be valid (missing, unknown, expired and revoked keys
 * all get the same 401), belong to that client id (else 403 with nothing about the other tenant), and its tenant
 * must be active (else 403 {@code account_pending} for a sign-up waiting for approval, {@code account_suspended}
 * otherwise). A {@code sk_test_} key authenticates as the tenant's test
 * twin (same client id, own data) and its answers carry {@code Jumbe-Mode: test}.
 */
public final class Authenticator {
    public static final String PRINCIPAL = "jumbe.principal";
    public static final String TENANT = "jumbe.tenant";
    /** Answers to a test key's requests carry {@code Jumbe-Mode: test}. */
    public static final String MODE_HEADER = "Jumbe-Mode";
    private final ApiKeyService keys;

    public Authenticator(ApiKeyService keys) {
        this.keys = keys;
    }

    /** True for the paths this guards: the tenant API, not the providers' callbacks. */
    public static boolean guards(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/webhooks/")
                && !io.jumbe.server.signup.SignupHandlers.isPublic(path);
    }

    public void authenticate(Context ctx) {
        Authenticated authenticated = presentedKey(ctx).flatMap(keys::authenticateWithTenant)
                .orElseThrow(HttpProblem::unauthorized);
        Principal principal = authenticated.principal();
        Tenant tenant = authenticated.tenant();
        String[] segments = ctx.path().split("/");
        String clientId = segments.length > 2 ? segments[2] : "";
        // a test key acts as the tenant's test twin, which answers on its live tenant's client id
        if (!clientId.equals(Long.toString(tenant.clientId()))) {
            throw HttpProblem.forbidden();
        }
        if (tenant.isTest()) {
            ctx.header(MODE_HEADER, "test");
        }
        if (tenant.pending()) {
            // a sign-up waiting for approval has no live key; this guards one an admin issued by hand
            throw new HttpProblem(403, "account_pending", "This account is waiting for approval. Use your test key "
                    + "until then.");
        }
        if (!tenant.active()) {
            throw new HttpProblem(403, "account_suspended", "This account is suspended. Contact support.");
        }
        ctx.attribute(PRINCIPAL, principal);
        ctx.attribute(TENANT, tenant);
    }

    private static Optional<String> presentedKey(Context ctx) {
        String header = ctx.header("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }

    /** The tenant the request acts for; set by {@link #authenticate}. */
    public static Tenant tenant(Context ctx) {
        Tenant t = ctx.attribute(TENANT);
        if (t == null) {
            throw HttpProblem.unauthorized();
        }
        return t;
    }

    /** The key the request carried (its tenant and mode); set by {@link #authenticate}. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw HttpProblem.unauthorized();
        }
        return p;
    }

    public static long tenantId(Context ctx) {
        return tenant(ctx).id();
    }
}
