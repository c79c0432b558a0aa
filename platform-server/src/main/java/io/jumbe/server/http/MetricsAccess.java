package io.jumbe.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /metrics} (routes, latencies, queue depths: a map of the platform for an attacker). Without
 * {@code METRICS_TOKEN}, only callers on this machine ({@link LoopbackOnly}); with it, anyone presenting
 * {@code Authorization: Bearer <token>}, and no one without it.
 */
public final class MetricsAccess {
    private final byte[] token;

    public MetricsAccess(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Returns normally when the caller may read the metrics, else throws the 401 or 403 problem. */
    public void check(Context ctx) {
        if (token == null) {
            if (!LoopbackOnly.isLocal(ctx)) {
                throw new HttpProblem(403, "forbidden", "Metrics are served to this machine only; set METRICS_TOKEN "
                        + "to read them from elsewhere with Authorization: Bearer.");
            }
            return;
        }
        String authorization = ctx.header("Authorization");
        byte[] presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            throw new HttpProblem(401, "unauthorized", "Metrics need Authorization: Bearer <METRICS_TOKEN>.");
        }
    }
}
