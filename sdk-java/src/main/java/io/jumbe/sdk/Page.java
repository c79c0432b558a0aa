package io.jumbe.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * One page of a list answer, able to fetch the pages after it.
 *
 * <p>Immutable; {@link #nextPage()} and {@link #autoPagingIterable()} call the API again with the same filter.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> data;
    private final PageMeta meta;
    private final IntFunction<Page<T>> fetcher;

    /**
     * Creates a page.
     *
     * @param data    the items of this page
     * @param meta    its paging facts
     * @param fetcher fetches the page with the given 1-based number under the same filter
     */
    public Page(List<T> data, PageMeta meta, IntFunction<Page<T>> fetcher) {
        this.data = data == null ? List.of() : List.copyOf(data);
        this.meta = meta == null ? new PageMeta(1, this.data.size(), (long) this.data.size(), 1) : meta;
        this.fetcher = fetcher;
    }

    /**
     * The items of this page.
     *
     * @return an unmodifiable list
     */
    public List<T> data() {
        return data;
    }

    /**
     * The paging facts of this page.
     *
     * @return page number, size and total
     */
    public PageMeta meta() {
        return meta;
    }

    /**
     * Whether more items follow this page.
     *
     * @return {@code true} when {@link #nextPage()} would return items
     */
    public boolean hasNextPage() {
        if (data.isEmpty()) {
            return false;
        }
        int current = meta.currentPage() == null ? 1 : meta.currentPage();
        int perPage = meta.perPage() == null || meta.perPage() <= 0 ? data.size() : meta.perPage();
        if (meta.total() == null) {
            return data.size() >= perPage;
        }
        return (long) current * perPage < meta.total();
    }

    /**
     * Fetches the page after this one.
     *
     * @return the next page
     * @throws NoSuchElementException when this is the last page
     * @throws io.jumbe.sdk.errors.JumbeException when the API call fails
     */
    public Page<T> nextPage() {
        if (!hasNextPage()) {
            throw new NoSuchElementException("no page after page " + meta.currentPage());
        }
        int current = meta.currentPage() == null ? 1 : meta.currentPage();
        return fetcher.apply(current + 1);
    }

    /**
     * Every item from this page on, fetching each later page only when iteration reaches it.
     *
     * @return an iterable that may be iterated several times, each time starting again from this page
     */
    public Iterable<T> autoPagingIterable() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.data.size()) {
                    if (!page.hasNextPage()) {
                        return false;
                    }
                    page = page.nextPage();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data.get(index++);
            }
        };
    }
}
