package io.jumbe.core.webhooks;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Recognises hosts that are IPv4 addresses in any spelling the C library and browsers accept: dotted decimal,
 * a single number ({@code 2130706433}), hex ({@code 0x7f.1}), octal ({@code 0177.0.0.1}) and the short forms
 * ({@code 127.1}). Java reads some of these differently from the C library ({@code 0177.0.0.1} is 177.0.0.1 to
 * {@link java.net.InetAddress} but 127.0.0.1 to {@code inet_aton}), so the guard refuses every spelling but the
 * canonical one and names the address the C library would have reached.
 */
final class Ipv4Spelling {

    private static final Pattern CANONICAL =
            Pattern.compile("(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0[xX][0-9a-fA-F]*|\\d+");

    private Ipv4Spelling() {
    }

    /** A host whose last label is a number is an IPv4 address to URL parsers, never a domain name. */
    static boolean looksNumeric(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int lastDot = trimmed.lastIndexOf('.');
        String lastLabel = trimmed.substring(lastDot + 1);
        return !lastLabel.isEmpty() && NUMERIC_LABEL.matcher(lastLabel).matches();
    }

    static boolean isCanonical(String host) {
        return CANONICAL.matcher(host).matches();
    }

    /**
     * The address {@code inet_aton} would read, if any.
     *
     * @return the address as a 32-bit int, or empty if this is not a valid IPv4 spelling
     */
    static OptionalInt parse(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = trimmed.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return OptionalInt.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long value = number(parts[i]);
            if (value < 0) {
                return OptionalInt.empty();
            }
            values[i] = value;
        }
        long result = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xFF) {
                return OptionalInt.empty();
            }
            result |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        long lastMax = (1L << (8 * (5 - values.length))) - 1;
        if (last > lastMax) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (result | last));
    }

    /** One part in C notation; -1 if it is not a number or exceeds 32 bits. */
    private static long number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.length() > 11) {
            return -1;
        }
        try {
            long value = Long.parseLong(digits, radix);
            return value > 0xFFFFFFFFL || value < 0 ? -1 : value;
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
