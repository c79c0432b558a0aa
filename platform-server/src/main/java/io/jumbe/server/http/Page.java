package io.jumbe.server.http;

import io.jumbe.core.common.ListPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The list envelope every list endpoint answers: {@code {data, meta}}. A numbered page's meta is
 * {@code {current_page, per_page, total, last_page, has_more}}; a cursor page's ({@code starting_after}) is
 * {@code {per_page, total, has_more, starting_after}}, as a page number means nothing there.
 */
public record Page(List<?> data, Map<String, Object> meta) {

    /** The envelope of a core page, each item turned into its view. */
    public static <T> Page of(ListPage<T> page, Function<? super T, ?> view) {
        Map<String, Object> meta = new LinkedHashMap<>();
        int perPage = page.request().perPage();
        if (page.request().isCursor()) {
            meta.put("per_page", perPage);
            meta.put("total", page.total());
            meta.put("has_more", page.hasMore());
            meta.put("starting_after", page.request().startingAfter());
        } else {
            meta.put("current_page", page.request().page());
            meta.put("per_page", perPage);
            meta.put("total", page.total());
            meta.put("last_page", Math.max(1, (page.total() + perPage - 1) / perPage));
            meta.put("has_more", page.hasMore());
        }
        return new Page(page.items().stream().map(view).toList(), meta);
    }
}
