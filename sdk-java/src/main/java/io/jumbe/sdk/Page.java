package io.jumbe.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list answer, able to fetch the pages after it.
 *
 * <p>Immutable. {@link #nextPage()} and {@link #autoPagingIterable()} call the API again with the same filter and
 * {@code starting_after} set to the id of this page's last item, as at Stripe: items created while you page
 * never make an item appear twice or go missing.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> data;
    private final PageMeta meta;
    private final Function<? super T, String> idOf;
    private final Function<String, Page<T>> after;

    /**
     * Creates a page.
     *
     * @param data  the items of this page
     * @param meta  its paging facts
     * @param idOf  the id of an item, the cursor for the page after it
     * @param after fetches the page after the item with the given id under the same filter
     */
    public Page(List<T> data, PageMeta meta, Function<? super T, String> idOf, Function<String, Page<T>> after) {
        this.data = data == null ? List.of() : List.copyOf(data);
        this.meta = meta == null ? new PageMeta(1, this.data.size(), this.data.size(), 1, false, null) : meta;
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.after = Objects.requireNonNull(after, "after");
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
     * @return page size, total, whether more follow, and the page number or cursor
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
        return meta.hasMore() && !data.isEmpty();
    }

    /**
     * Fetches the page after this one: the items after this page's last item ({@code starting_after}).
     *
     * @return the next page
     * @throws NoSuchElementException when this is the last page
     * @throws io.jumbe.sdk.errors.JumbeException when the API call fails
     */
    public Page<T> nextPage() {
        if (!hasNextPage()) {
            throw new NoSuchElementException("no page after this one");
        }
        return after.apply(idOf.apply(data.get(data.size() - 1)));
    }

    /**
     * Every item from this page on, fetching each later page by cursor only when iteration reaches it.
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
