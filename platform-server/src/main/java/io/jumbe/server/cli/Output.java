package io.jumbe.server.cli;

import io.jumbe.core.common.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a result either as JSON (for scripts) or as a readable table or key/value list. */
final class Output {
    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** One record: {@code key: value} lines, or a JSON object. */
    void record(Map<String, Object> fields) {
        if (json) {
            out.println(Json.write(fields));
        } else {
            int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
            fields.forEach((k, v) -> out.printf("%-" + width + "s  %s%n", k, v == null ? "-" : v));
        }
        out.flush();
    }

    /** Many records: an aligned table, or a JSON array. */
    void table(List<Map<String, Object>> rows) {
        if (json) {
            out.println(Json.write(rows));
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
                w = Math.max(w, String.valueOf(row.get(h) == null ? "-" : row.get(h)).length());
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
                line.append(String.format("%-" + widths.get(h) + "s  ", v == null ? "-" : v));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    void message(String text) {
        if (json) {
            out.println(Json.write(Map.of("message", text)));
        } else {
            out.println(text);
        }
        out.flush();
    }
}
