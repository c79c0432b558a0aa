package io.jumbe.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jumbe.core.common.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a result either as JSON (for scripts) or as a readable table or key/value list. Stored text came from
 * tenants (and older rows predate the input rules), so nothing non-printable reaches the admin's terminal as it
 * is: in tables, control, format and bidirectional characters show as escapes (ESC as {@code \x1b}, a line feed
 * as {@code \n}, a right-to-left override as backslash-u-202e); in JSON they are written as JSON unicode escapes,
 * which JSON readers turn back into the text.
 */
final class Output {
    private static final ObjectWriter JSON = Json.mapper().writer().with(new TerminalSafeEscapes());
    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** One record: {@code key: value} lines, or a JSON object. */
    void record(Map<String, Object> fields) {
        if (json) {
            out.println(json(fields));
        } else {
            int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
            fields.forEach((k, v) -> out.printf("%-" + width + "s  %s%n", k, cell(v)));
        }
        out.flush();
    }

    /** Many records: an aligned table, or a JSON array. */
    void table(List<Map<String, Object>> rows) {
        if (json) {
            out.println(json(rows));
            out.flush();
            return;
        }
        if (rows.isEmpty()) {
            out.println("(none)");
            out.flush();
            return;
        }
        List<String> headers = new ArrayList<>(rows.get(0).keySet());
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String h : headers) {
            int w = h.length();
            for (Map<String, Object> row : rows) {
                w = Math.max(w, cell(row.get(h)).length());
            }
            widths.put(h, w);
        }
        StringBuilder line = new StringBuilder();
        for (String h : headers) {
            line.append(String.format("%-" + widths.get(h) + "s  ", h.toUpperCase()));
        }
        out.println(line.toString().stripTrailing());
        for (Map<String, Object> row : rows) {
            line.setLength(0);
            for (String h : headers) {
                Object v = row.get(h);
                line.append(String.format("%-" + widths.get(h) + "s  ", cell(v)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    void message(String text) {
        if (json) {
            out.println(json(Map.of("message", text)));
        } else {
            out.println(safe(text));
        }
        out.flush();
    }

    private static String cell(Object v) {
        return v == null ? "-" : safe(String.valueOf(v));
    }

    /** The text with everything a terminal would act on, or that hides or reorders text, shown as an escape. */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = null;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (needsEscape(c)) {
                escaped = switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> c <= 0xFF ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
                };
            }
            if (escaped != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (escaped != null) {
                    b.append(escaped);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    static boolean needsEscape(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** JSON output escapes the same characters as JSON unicode escapes (Jackson escapes only C0 by itself). */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii;

        TerminalSafeEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return needsEscape((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
