package io.jumbe.core.common;

import java.util.List;

/**
 * One page of a list.
 *
 * @param <T>     the item type
 * @param items   the page, newest first
 * @param request what was asked for
 * @param total   how many items match the filter on every page
 * @param hasMore whether at least one more matching item follows the last one of this page
 */
public record ListPage<T>(List<T> items, PageRequest request, long total, boolean hasMore) {

    /** Copies the items. */
    public ListPage {
        items = List.copyOf(items);
    }

    /** The same page with its items turned into another type (views, for example). */
    public <R> ListPage<R> map(java.util.function.Function<? super T, ? extends R> f) {
        return new ListPage<>(items.stream().<R>map(f).toList(), request, total, hasMore);
    }
}
