package io.jumbe.sdk.internal;

import io.jumbe.sdk.Page;
import java.util.List;
import java.util.function.IntFunction;

/** Turns a list answer into a {@link Page} that can fetch its successors. */
public final class Pages {
    private Pages() {
    }

    /**
     * Wraps a list answer.
     *
     * @param <T>     the item type
     * @param answer  the decoded answer, or {@code null}
     * @param fetcher fetches another page number under the same filter
     * @return the page
     */
    public static <T> Page<T> of(ListAnswer<T> answer, IntFunction<Page<T>> fetcher) {
        return answer == null ? new Page<>(List.of(), null, fetcher) : new Page<>(answer.data(), answer.meta(), fetcher);
    }
}
