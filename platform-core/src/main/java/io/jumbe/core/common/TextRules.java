package io.jumbe.core.common;

import java.util.List;
import java.util.Optional;

/**
 * Which characters a tenant's text may carry. Text a tenant gives us ends up in admins' terminals, CSV exports and
 * log lines; a control character there can rewrite what an admin sees (an ANSI {@code ESC [2K} erasing a line, a
 * carriage return overprinting an amount, a right-to-left override reversing it). So every tenant text field is
 * checked on the way in, by one of three rules:
 *
 * <ul>
 *   <li>{@link Kind#LINE} (references, names, sender ids, URLs, e-mail addresses, reasons): no control character at
 *       all, no line or paragraph separator, no bidirectional embedding, override or isolate.</li>
 *   <li>{@link Kind#TEXT} (free-text notes): as {@code LINE}, but tab, carriage return and line feed are allowed.</li>
 *   <li>{@link Kind#MESSAGE} (the body of a message to a phone): tab, CR and LF allowed, and any other Unicode text,
 *       including the bidirectional controls that mixed right-to-left text needs; only the C0 and C1 controls
 *       (and DEL) are refused, as no handset shows them and a terminal would obey them.</li>
 * </ul>
 *
 * Everywhere, an unpaired surrogate (not a character at all) is refused. Admin output escapes whatever is stored
 * anyway (legacy rows predate these rules).
 */
public final class TextRules {

    /** How much a field may carry beyond printable text. */
    public enum Kind { LINE, TEXT, MESSAGE }

    private TextRules() {
    }

    /**
     * Explains what is wrong with a value, if anything.
     *
     * @return empty when the value is acceptable (null is acceptable: presence is checked elsewhere)
     */
    public static Optional<String> problem(String value, Kind kind) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (U+" + hex(c) + ") at position " + (i + 1));
            }
            if (refused(c, kind)) {
                return Optional.of("must not contain control characters (U+" + hex(c) + " at position " + (i + 1)
                        + ")" + (kind == Kind.LINE && (c == '\n' || c == '\r' || c == '\t') ? "; it is one line" : ""));
            }
        }
        return Optional.empty();
    }

    /** Adds a {@link FieldError} for {@code field} to {@code errors} when {@link #problem} finds one. */
    public static void check(List<FieldError> errors, String field, String value, Kind kind) {
        problem(value, kind).ifPresent(p -> errors.add(new FieldError(field, p)));
    }

    /** True for characters no tenant text of this kind may hold. */
    static boolean refused(char c, Kind kind) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return kind == Kind.LINE;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return true;
        }
        if (kind == Kind.MESSAGE) {
            return false;
        }
        return isBidiControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** Embeddings, overrides and isolates: they reorder how the text after them is shown. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
