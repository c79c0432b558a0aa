package io.jumbe.sdk;

/**
 * The paging every list's parameters share: {@code page}, {@code perPage} and {@code startingAfter}. The filters
 * are the subclass's.
 *
 * <p>{@code startingAfter} (the id of the last item of the page you have) gives the page after that item, and
 * stays right while items are being added; a page number counts from the newest item and shifts. The SDK's
 * {@link Page#nextPage()} and auto-paging always use the cursor after the first page.
 */
public abstract class ListParams {
    private final Integer page;
    private final Integer perPage;
    private final String startingAfter;

    /**
     * Copies the paging from a validated builder.
     *
     * @param builder the builder
     */
    protected ListParams(Builder<?> builder) {
        this.page = builder.page;
        this.perPage = builder.perPage;
        this.startingAfter = builder.startingAfter;
    }

    /**
     * The 1-based page to fetch first, if one was set.
     *
     * @return the page number or {@code null}
     */
    public Integer page() {
        return page;
    }

    /**
     * Items per page, if set (the server caps it at 100 and defaults to 20).
     *
     * @return the size or {@code null}
     */
    public Integer perPage() {
        return perPage;
    }

    /**
     * The cursor of the first page, if set: the id of the item the first page comes after.
     *
     * @return an id ({@code MSG-…}, {@code TXN-…}, {@code WH-…}) or {@code null}
     */
    public String startingAfter() {
        return startingAfter;
    }

    /**
     * The paging part of a list's parameter builder.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static class Builder<B extends Builder<B>> {
        private Integer page;
        private Integer perPage;
        private String startingAfter;

        /** Creates a builder with no paging set. */
        protected Builder() {
        }

        /**
         * The 1-based page to fetch first. Default 1. Not together with {@link #startingAfter(String)}.
         *
         * @param page a positive page number
         * @return this builder
         */
        public B page(int page) {
            this.page = page;
            return self();
        }

        /**
         * Items per page (the server caps it at 100).
         *
         * @param perPage a positive size
         * @return this builder
         */
        public B perPage(int perPage) {
            this.perPage = perPage;
            return self();
        }

        /**
         * Start after this item: the first page holds the items that follow it in the list (older ones). Use the
         * id of the last item you already have to read on without repeats or gaps while items are being added.
         *
         * @param id an item id from this list ({@code MSG-…}, {@code TXN-…}, {@code WH-…})
         * @return this builder
         */
        public B startingAfter(String id) {
            this.startingAfter = id;
            return self();
        }

        /**
         * This builder, typed as the subclass.
         *
         * @return {@code this}
         */
        protected abstract B self();

        /**
         * Checks the paging; call from the subclass's {@code build()}.
         *
         * @throws IllegalArgumentException when page or size is not positive, the cursor is blank, or both a page
         *                                  and a cursor are set
         */
        protected void validatePaging() {
            if (page != null && page < 1) {
                throw new IllegalArgumentException("page must be >= 1");
            }
            if (perPage != null && perPage < 1) {
                throw new IllegalArgumentException("perPage must be >= 1");
            }
            if (startingAfter != null && startingAfter.isBlank()) {
                throw new IllegalArgumentException("startingAfter must be an id");
            }
            if (page != null && startingAfter != null) {
                throw new IllegalArgumentException("page and startingAfter cannot be combined");
            }
        }
    }
}
