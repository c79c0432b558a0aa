package io.jumbe.core.sms;

/**
 * Counts SMS segments the way GSM 03.38 handsets and gateways split messages.
 *
 * <p>GSM-7: 160 septets in one message, 153 per part when concatenated; the extension characters
 * {@code ^ { } \ [ ~ ] | €} and form feed cost two septets (escape + character). Any character outside
 * GSM-7 makes the whole message UCS-2: 70 UTF-16 units alone, 67 per part. Parts are counted by packing
 * the text as a splitter does, because an escape pair and a surrogate pair are never split across two
 * parts: a text of 152 plain characters followed by {@code €} needs two parts of 153, not one.
 */
public final class Segments {

    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private Segments() {
    }

    /**
     * Counts the segments of {@code text}.
     *
     * @param text the message body; {@code null} is treated as empty
     * @return encoding, segments (0 for an empty text), code points and units
     */
    public static SegmentCount count(String text) {
        String body = text == null ? "" : text;
        int characters = body.codePointCount(0, body.length());
        if (isGsm7(body)) {
            return pack(body, SmsEncoding.GSM_7, characters);
        }
        return pack(body, SmsEncoding.UCS_2, characters);
    }

    /**
     * Whether every character of {@code text} is in the GSM-7 default alphabet or its extension table.
     *
     * @param text any text
     * @return true when the text can be sent as GSM-7
     */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SegmentCount pack(String body, SmsEncoding encoding, int characters) {
        int total = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            total += unitsOf(cp, encoding);
            i += Character.charCount(cp);
        }
        if (total == 0) {
            return new SegmentCount(encoding, 0, 0, 0);
        }
        if (total <= encoding.singleLimit()) {
            return new SegmentCount(encoding, 1, characters, total);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int units = unitsOf(cp, encoding);
            if (used + units > encoding.partLimit()) {
                parts++;
                used = 0;
            }
            used += units;
            i += Character.charCount(cp);
        }
        return new SegmentCount(encoding, parts, characters, total);
    }

    private static int unitsOf(int codePoint, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS_2) {
            return Character.charCount(codePoint);
        }
        return GSM_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1;
    }
}
