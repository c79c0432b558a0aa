package io.jumbe.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP addresses written as literals (a connection's peer, a forwarded client, an allow-list rule), read without
 * ever asking DNS: a name where an address belongs is refused, not resolved.
 */
public final class IpLiterals {
    private IpLiterals() {
    }

    /**
     * The address's bytes: 4 for IPv4 (an IPv4-mapped IPv6 address included), 16 for IPv6; null when the text is not
     * an IP literal. Brackets ({@code [::1]}) are allowed.
     */
    public static byte[] parse(String text) {
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

    /** A loopback literal: {@code 127.0.0.0/8}, {@code ::1}, or {@code ::ffff:127.x.x.x}. */
    public static boolean isLoopback(String text) {
        byte[] b = parse(text);
        if (b == null) {
            return false;
        }
        if (b.length == 4) {
            return b[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
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
