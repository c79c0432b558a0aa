package io.jumbe.server.http;

import java.util.List;
import java.util.Map;

/** The list envelope every list endpoint answers: {@code {data, meta: {current_page, per_page, total}}}. */
public record Page(List<?> data, Map<String, Object> meta) {

    public static Page of(List<?> data, int page, int perPage, long total) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("current_page", page);
        meta.put("per_page", perPage);
        meta.put("total", total);
        meta.put("last_page", Math.max(1, (total + perPage - 1) / perPage));
        return new Page(data, meta);
    }
}
