package io.jumbe.sdk.internal;

import io.jumbe.sdk.PageMeta;
import java.util.List;

/**
 * The JSON shape of every list answer, {@code {"data": [...], "meta": {...}}}.
 *
 * @param <T>  the item type
 * @param data the items
 * @param meta the paging facts
 */
public record ListAnswer<T>(List<T> data, PageMeta meta) {
    /**
     * Normalises an absent list to an empty one.
     *
     * @param data the items
     * @param meta the paging facts
     */
    public ListAnswer {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
