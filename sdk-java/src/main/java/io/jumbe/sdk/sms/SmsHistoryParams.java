package io.jumbe.sdk.sms;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Filters and paging for {@link SmsService#history(SmsHistoryParams)}. Every field is optional.
 */
public final class SmsHistoryParams extends ListParams {
    private final MessageStatus status;
    private final String recipient;
    private final String reference;
    private final Object from;
    private final Object to;

    private SmsHistoryParams(Builder b) {
        super(b);
        this.status = b.status;
        this.recipient = b.recipient;
        this.reference = b.reference;
        this.from = b.from;
        this.to = b.to;
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

    Query toQuery(String after) {
        return Pages.paging(new Query().add("status", status == null ? null : status.wireValue()).add("recipient", recipient).add("reference", reference)
                .add("from", from).add("to", to), this, after);
    }

    /** Builds {@link SmsHistoryParams}. */
    public static final class Builder extends ListParams.Builder<Builder> {
        private MessageStatus status;
        private String recipient;
        private String reference;
        private Object from;
        private Object to;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
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
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the paging is invalid, or the status is UNKNOWN
         */
        public SmsHistoryParams build() {
            validatePaging();
            if (status == MessageStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a status to filter on");
            }
            return new SmsHistoryParams(this);
        }
    }
}
