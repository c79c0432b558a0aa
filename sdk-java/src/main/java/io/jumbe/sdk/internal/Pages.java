package io.jumbe.sdk.internal;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.Page;
import java.util.List;
import java.util.function.Function;

/** Turns a list answer into a {@link Page} that fetches its successors by cursor. */
public final class Pages {
    private Pages() {
    }

    /**
     * Adds the paging of a request: the caller's own for the first page, then only the cursor.
     *
     * @param query  the filter's query
     * @param params the caller's parameters
     * @param after  the cursor of a later page, or {@code null} for the first
     * @return the query
     */
    public static Query paging(Query query, ListParams params, String after) {
        if (after != null) {
            return query.add("starting_after", after).add("per_page", params.perPage());
        }
        return query.add("page", params.page()).add("starting_after", params.startingAfter())
                .add("per_page", params.perPage());
    }

    /**
     * Wraps a list answer.
     *
     * @param <T>    the item type
     * @param answer the decoded answer, or {@code null}
     * @param idOf   an item's id, the cursor after it
     * @param after  fetches the page after an id under the same filter
     * @return the page
     */
    public static <T> Page<T> of(ListAnswer<T> answer, Function<? super T, String> idOf,
                                 Function<String, Page<T>> after) {
        return answer == null ? new Page<>(List.of(), null, idOf, after)
                : new Page<>(answer.data(), answer.meta(), idOf, after);
    }
}
