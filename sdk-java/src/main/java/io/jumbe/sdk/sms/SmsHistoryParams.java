package io.jumbe.sdk.sms;

import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;

/**
 * Filters and paging for {@link SmsService#history(SmsHistoryParams)}. Every field is optional.
 */
public final class SmsHistoryParams extends MessageFilterParams {

    private SmsHistoryParams(Builder b) {
        super(b);
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
        Query q = new Query();
        filters().forEach(q::add);
        return Pages.paging(q, this, after);
    }

    /** Builds {@link SmsHistoryParams}. */
    public static final class Builder extends MessageFilterParams.Builder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the paging is invalid, or the status is UNKNOWN
         */
        public SmsHistoryParams build() {
            validate();
            return new SmsHistoryParams(this);
        }
    }
}
