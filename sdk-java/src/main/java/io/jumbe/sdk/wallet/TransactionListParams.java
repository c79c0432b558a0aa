package io.jumbe.sdk.wallet;

import io.jumbe.sdk.internal.Query;
import java.time.LocalDate;

/**
 * Filters and paging for {@link WalletService#transactions(TransactionListParams)} and the CSV download. Every
 * field is optional.
 */
public final class TransactionListParams {
    private final LocalDate fromDate;
    private final LocalDate toDate;
    private final TransactionType type;
    private final TransactionStatus status;
    private final String search;
    private final Integer page;
    private final Integer perPage;

    private TransactionListParams(Builder b) {
        this.fromDate = b.fromDate;
        this.toDate = b.toDate;
        this.type = b.type;
        this.status = b.status;
        this.search = b.search;
        this.page = b.page;
        this.perPage = b.perPage;
    }

    /**
     * Starts building the filter.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No filter: every entry, first page.
     *
     * @return empty parameters
     */
    public static TransactionListParams none() {
        return builder().build();
    }

    Query toQuery(Integer pageOverride, boolean paged) {
        Query q = new Query().add("from_date", fromDate).add("to_date", toDate).add("type", type)
                .add("status", status).add("search", search);
        if (paged) {
            q.add("page", pageOverride != null ? pageOverride : page).add("per_page", perPage);
        }
        return q;
    }

    /** Builds {@link TransactionListParams}. */
    public static final class Builder {
        private LocalDate fromDate;
        private LocalDate toDate;
        private TransactionType type;
        private TransactionStatus status;
        private String search;
        private Integer page;
        private Integer perPage;

        private Builder() {
        }

        /**
         * Only entries on or after this day.
         *
         * @param fromDate the first day
         * @return this builder
         */
        public Builder fromDate(LocalDate fromDate) {
            this.fromDate = fromDate;
            return this;
        }

        /**
         * Only entries on or before this day.
         *
         * @param toDate the last day
         * @return this builder
         */
        public Builder toDate(LocalDate toDate) {
            this.toDate = toDate;
            return this;
        }

        /**
         * Only entries of this kind.
         *
         * @param type credit, debit or refund
         * @return this builder
         */
        public Builder type(TransactionType type) {
            this.type = type;
            return this;
        }

        /**
         * Only entries in this state.
         *
         * @param status the state
         * @return this builder
         */
        public Builder status(TransactionStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Only the entry with this transaction id or M-Pesa receipt.
         *
         * @param search a transaction id or receipt
         * @return this builder
         */
        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /**
         * The 1-based page to fetch first. Default 1.
         *
         * @param page a positive page number
         * @return this builder
         */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /**
         * Items per page (the server caps it).
         *
         * @param perPage a positive size
         * @return this builder
         */
        public Builder perPage(int perPage) {
            this.perPage = perPage;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when page or size is not positive, a filter is UNKNOWN, or the
         *                                  range is reversed
         */
        public TransactionListParams build() {
            if (page != null && page < 1) {
                throw new IllegalArgumentException("page must be >= 1");
            }
            if (perPage != null && perPage < 1) {
                throw new IllegalArgumentException("perPage must be >= 1");
            }
            if (type == TransactionType.UNKNOWN || status == TransactionStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a value to filter on");
            }
            if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
                throw new IllegalArgumentException("fromDate is after toDate");
            }
            return new TransactionListParams(this);
        }
    }
}
