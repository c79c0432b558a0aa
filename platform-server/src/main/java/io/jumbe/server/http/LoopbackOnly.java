package io.jumbe.server.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        return isLoopbackAddress(peer);
    }

    /** A literal IPv4 or IPv6 loopback address ({@code 127.0.0.0/8}, {@code ::1}, {@code ::ffff:127.x.x.x}). */
    static boolean isLoopbackAddress(String peer) {
        if (peer == null) {
            return false;
        }
        String t = peer.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        // literal addresses only: a name here must never cause a DNS lookup
        if (t.isEmpty() || !(t.contains(":") || t.chars().allMatch(c -> Character.isDigit(c) || c == '.'))) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(t);
            if (a.isLoopbackAddress()) {
                return true;
            }
            byte[] b = a.getAddress();
            return b.length == 16 && isMappedV4(b) && b[12] == 127;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
