package io.jumbe.sdk.sms;

import io.jumbe.sdk.internal.Query;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Filters and paging for {@link SmsService#history(SmsHistoryParams)}. Every field is optional.
 */
public final class SmsHistoryParams {
    private final MessageStatus status;
    private final String recipient;
    private final String reference;
    private final Object from;
    private final Object to;
    private final Integer page;
    private final Integer perPage;

    private SmsHistoryParams(Builder b) {
        this.status = b.status;
        this.recipient = b.recipient;
        this.reference = b.reference;
        this.from = b.from;
        this.to = b.to;
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
     * No filter: the first page of all messages.
     *
     * @return empty parameters
     */
    public static SmsHistoryParams none() {
        return builder().build();
    }

    Query toQuery(Integer pageOverride) {
        return new Query().add("status", status).add("recipient", recipient).add("reference", reference)
                .add("from", from).add("to", to).add("page", pageOverride != null ? pageOverride : page)
                .add("per_page", perPage);
    }

    /** Builds {@link SmsHistoryParams}. */
    public static final class Builder {
        private MessageStatus status;
        private String recipient;
        private String reference;
        private Object from;
        private Object to;
        private Integer page;
        private Integer perPage;

        private Builder() {
        }

        /**
         * Only messages in this status.
         *
         * @param status the status; {@link MessageStatus#UNKNOWN} is not allowed
         * @return this builder
         */
        public Builder status(MessageStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Only messages to this number.
         *
         * @param recipient the number
         * @return this builder
         */
        public Builder recipient(String recipient) {
            this.recipient = recipient;
            return this;
        }

        /**
         * Only messages with this reference.
         *
         * @param reference the caller's id
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * Only messages created at or after this instant.
         *
         * @param from the start
         * @return this builder
         */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /**
         * Only messages created on or after this day.
         *
         * @param from the first day
         * @return this builder
         */
        public Builder from(LocalDate from) {
            this.from = from;
            return this;
        }

        /**
         * Only messages created before this instant.
         *
         * @param to the end
         * @return this builder
         */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /**
         * Only messages created on or before this day.
         *
         * @param to the last day
         * @return this builder
         */
        public Builder to(LocalDate to) {
            this.to = to;
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
         * @throws IllegalArgumentException when page or size is not positive, or the status is UNKNOWN
         */
        public SmsHistoryParams build() {
            if (page != null && page < 1) {
                throw new IllegalArgumentException("page must be >= 1");
            }
            if (perPage != null && perPage < 1) {
                throw new IllegalArgumentException("perPage must be >= 1");
            }
            if (status == MessageStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a status to filter on");
            }
            return new SmsHistoryParams(this);
        }
    }
}
