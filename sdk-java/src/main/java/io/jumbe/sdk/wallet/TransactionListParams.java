package io.jumbe.sdk.wallet;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import java.time.LocalDate;

/**
 * Filters and paging for {@link WalletService#transactions(TransactionListParams)} and the CSV download. Every
 * field is optional.
 */
public final class TransactionListParams extends ListParams {
    private final LocalDate fromDate;
    private final LocalDate toDate;
    private final TransactionType type;
    private final TransactionStatus status;
    private final String search;

    private TransactionListParams(Builder b) {
        super(b);
        this.fromDate = b.fromDate;
        this.toDate = b.toDate;
        this.type = b.type;
        this.status = b.status;
        this.search = b.search;
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

    Query filterQuery() {
        return new Query().add("from_date", fromDate).add("to_date", toDate).add("type", type == null ? null : type.wireValue())
                .add("status", status == null ? null : status.wireValue()).add("search", search);
    }

    Query toQuery(String after) {
        return Pages.paging(filterQuery(), this, after);
    }

    /** Builds {@link TransactionListParams}. */
    public static final class Builder extends ListParams.Builder<Builder> {
        private LocalDate fromDate;
        private LocalDate toDate;
        private TransactionType type;
        private TransactionStatus status;
        private String search;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
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
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the paging is invalid, a filter is UNKNOWN, or the
         *                                  range is reversed
         */
        public TransactionListParams build() {
            validatePaging();
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
