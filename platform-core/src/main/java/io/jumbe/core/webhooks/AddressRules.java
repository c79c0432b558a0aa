package io.jumbe.core.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides whether an IP address is one a webhook may never be sent to: anything not on the public internet
 * (loopback, private, link-local, CGNAT, multicast, unspecified, broadcast, documentation, benchmarking,
 * reserved, unique-local) and the cloud metadata endpoints.
 *
 * <p>IPv6 addresses that carry an IPv4 address (IPv4-mapped, IPv4-compatible, IPv4-translated
 * {@code ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}) are judged by the IPv4 address inside them, since that is
 * where the packets end up.
 */
public final class AddressRules {

    private AddressRules() {
    }

    /**
     * Why a webhook may not be sent to this address.
     *
     * @param address a resolved or literal address
     * @return empty if the address is public, otherwise a phrase such as {@code "a loopback address"}
     */
    public static Optional<String> whyBlocked(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return whyBlockedV4(toInt(bytes, 0));
        }
        return whyBlockedV6(bytes);
    }

    /**
     * The address in text, without the reverse-lookup name {@link InetAddress#toString()} may add.
     *
     * @param address an address
     * @return e.g. {@code 127.0.0.1} or {@code ::1}
     */
    public static String text(InetAddress address) {
        if (address instanceof Inet6Address) {
            return compressV6(address.getAddress());
        }
        return address.getHostAddress();
    }

    static Optional<String> whyBlockedV4(int a) {
        if (a == 0xA9FEA9FE) {
            return reason("the cloud metadata address");
        }
        if (a == 0x64646400 + 200) {
            return reason("a cloud metadata address (Alibaba Cloud)");
        }
        if (in(a, 0x00000000, 8)) {
            return a == 0 ? reason("the unspecified address") : reason("a 'this network' address (0.0.0.0/8)");
        }
        if (in(a, 0x7F000000, 8)) {
            return reason("a loopback address");
        }
        if (in(a, 0x0A000000, 8) || in(a, 0xAC100000, 12) || in(a, 0xC0A80000, 16)) {
            return reason("a private address");
        }
        if (in(a, 0x64400000, 10)) {
            return reason("a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (in(a, 0xA9FE0000, 16)) {
            return reason("a link-local address");
        }
        if (in(a, 0xC0000000, 24)) {
            return reason("an IETF protocol assignment address (192.0.0.0/24)");
        }
        if (in(a, 0xC0000200, 24) || in(a, 0xC6336400, 24) || in(a, 0xCB007100, 24)) {
            return reason("a documentation address");
        }
        if (in(a, 0xC0586300, 24)) {
            return reason("a 6to4 relay anycast address (192.88.99.0/24)");
        }
        if (in(a, 0xC6120000, 15)) {
            return reason("a benchmarking address (198.18.0.0/15)");
        }
        if (in(a, 0xE0000000, 4)) {
            return reason("a multicast address");
        }
        if (a == 0xFFFFFFFF) {
            return reason("the broadcast address");
        }
        if (in(a, 0xF0000000, 4)) {
            return reason("a reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> whyBlockedV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        int last32 = toInt(b, 12);
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            if (last32 == 0) {
                return reason("the unspecified address");
            }
            if (last32 == 1) {
                return reason("a loopback address");
            }
            return embedded("an IPv4-compatible address", last32);
        }
        if (firstTenZero && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
            return embedded("an IPv4-mapped address", last32);
        }
        if (allZero(b, 0, 8) && b[8] == (byte) 0xFF && b[9] == (byte) 0xFF && b[10] == 0 && b[11] == 0) {
            return embedded("an IPv4-translated address", last32);
        }
        int first16 = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int first32 = toInt(b, 0);
        if (first32 == 0x0064FF9B && allZero(b, 4, 12)) {
            return embedded("a NAT64 address", last32);
        }
        if (first32 == 0x0064FF9B && b[4] == 0 && b[5] == 1) {
            return reason("a local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (first16 == 0x2002) {
            return embedded("a 6to4 address", toInt(b, 2));
        }
        if (first32 == 0x20010000) {
            Optional<String> server = embedded("a Teredo address (server)", toInt(b, 4));
            return server.isPresent() ? server : embedded("a Teredo address (client)", ~last32);
        }
        if (first32 == 0xFD000EC2 && allZero(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54) {
            return reason("the cloud metadata address (AWS IPv6)");
        }
        if ((b[0] & 0xFE) == 0xFC) {
            return reason("a unique-local address (fc00::/7)");
        }
        if (b[0] == (byte) 0xFE && (b[1] & 0xC0) == 0x80) {
            return reason("a link-local address");
        }
        if (b[0] == (byte) 0xFE && (b[1] & 0xC0) == 0xC0) {
            return reason("a site-local address (fec0::/10)");
        }
        if (b[0] == (byte) 0xFF) {
            return reason("a multicast address");
        }
        if (first32 == 0x20010DB8 || (first16 == 0x3FFF && (b[2] & 0xF0) == 0)) {
            return reason("a documentation address");
        }
        if (first32 == 0x01000000 && allZero(b, 4, 8)) {
            return reason("a discard-only address (100::/64)");
        }
        if (first32 == 0x20010002 && b[4] == 0 && b[5] == 0) {
            return reason("a benchmarking address (2001:2::/48)");
        }
        if ((first32 & 0xFFFFFFF0) == 0x20010010 || (first32 & 0xFFFFFFF0) == 0x20010020) {
            return reason("an ORCHID address");
        }
        if (first16 < 0x2000 || first16 > 0x3FFF) {
            // Only 2000::/3 is allocated as global unicast; everything else is reserved or special.
            return reason("a reserved IPv6 address (outside 2000::/3)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String kind, int v4) {
        return whyBlockedV4(v4).map(why -> kind + " carrying " + v4Text(v4) + ", " + why);
    }

    private static Optional<String> reason(String why) {
        return Optional.of(why);
    }

    private static boolean in(int address, int network, int prefixLength) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (address & mask) == (network & mask);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    static String v4Text(int a) {
        return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    static InetAddress v4Address(int a) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String compressV6(byte[] b) {
        // Longest run of zero groups becomes "::", as RFC 5952 asks; Java's own form never compresses.
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
