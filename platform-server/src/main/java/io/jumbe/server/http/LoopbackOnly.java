package io.jumbe.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * Whether a request comes from this machine itself: the connection's peer is a loopback address and no proxy
 * forwarded it. A reverse proxy on the same host connects from loopback too; its forwarding headers tell that the
 * request really came from elsewhere, so a request carrying any of them does not count as local.
 */
public final class LoopbackOnly {
    private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");

    private LoopbackOnly() {
    }

    /** True when the request comes from loopback, unforwarded. */
    public static boolean isLocal(Context ctx) {
        return isLocal(ctx.req().getRemoteAddr(), ctx::header);
    }

    /**
     * @param peer    the connection's remote address as text
     * @param headers the request's headers by name (null when absent)
     */
    public static boolean isLocal(String peer, Function<String, String> headers) {
        for (String h : FORWARDING_HEADERS) {
            String v = headers.apply(h);
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return IpLiterals.isLoopback(peer);
    }
}
