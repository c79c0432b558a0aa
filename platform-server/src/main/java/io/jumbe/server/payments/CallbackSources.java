package io.jumbe.server.payments;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        byte[] ip = parse(address);
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
        byte[] net = parse(slash < 0 ? rule : rule.substring(0, slash));
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

    // literal addresses only: a host name here would mean a DNS lookup per callback
    private static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.isEmpty() || !(t.contains(":") || t.chars().allMatch(c -> Character.isDigit(c) || c == '.'))) {
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(t).getAddress();
            if (b.length == 16 && isMappedV4(b)) {
                return new byte[] {b[12], b[13], b[14], b[15]};
            }
            return b;
        } catch (UnknownHostException e) {
            return null;
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
