package io.jumbe.server.payments;

import io.jumbe.server.http.IpLiterals;
import io.javalin.http.Context;
import java.util.List;

/**
 * The optional source-address check of provider callbacks ({@code MPESA_CALLBACK_ALLOWED_IPS}, off when empty).
 * The client address is the connection's, or, when the connection comes from one of {@code TRUSTED_PROXIES}, the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy: a caller can prepend anything to that
 * header, so only what our own proxies appended counts. Entries are addresses or CIDR blocks.
 */
public final class CallbackSources {
    private final List<String> allowed;
    private final List<String> trustedProxies;

    public CallbackSources(List<String> allowed, List<String> trustedProxies) {
        this.allowed = List.copyOf(allowed);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** True when no allowlist is configured or the address is on it. */
    public boolean allows(String address) {
        return allowed.isEmpty() || matchesAny(address, allowed);
    }

    /** The address the request came from, judged as described above. */
    public String clientAddress(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (trustedProxies.isEmpty() || !matchesAny(peer, trustedProxies)) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !matchesAny(hop, trustedProxies)) {
                return hop;
            }
        }
        return peer;
    }

    static boolean matchesAny(String address, List<String> rules) {
        byte[] ip = IpLiterals.parse(address);
        if (ip == null) {
            return false;
        }
        for (String rule : rules) {
            if (matches(ip, rule)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] ip, String rule) {
        int slash = rule.indexOf('/');
        byte[] net = IpLiterals.parse(slash < 0 ? rule : rule.substring(0, slash));
        if (net == null || net.length != ip.length) {
            return false;
        }
        int bits;
        try {
            bits = slash < 0 ? ip.length * 8 : Integer.parseInt(rule.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return false;
        }
        for (int i = 0; i < ip.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((ip[i] & mask) != (net[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
