package io.jumbe.sdk.webhooks;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import java.time.Instant;

/**
 * Filters and paging for {@link WebhooksService#deliveries(DeliveryListParams)}. Every field is optional.
 */
public final class DeliveryListParams extends ListParams {
    private final String event;
    private final DeliveryStatus status;
    private final Instant from;
    private final Instant to;

    private DeliveryListParams(Builder b) {
        super(b);
        this.event = b.event;
        this.status = b.status;
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
     * No filter: the first page of all deliveries.
     *
     * @return empty parameters
     */
    public static DeliveryListParams none() {
        return builder().build();
    }

    Query toQuery(String after) {
        return Pages.paging(new Query().add("event", event).add("status", status == null ? null : status.wireValue()).add("from", from).add("to", to),
                this, after);
    }

    /** Builds {@link DeliveryListParams}. */
    public static final class Builder extends ListParams.Builder<Builder> {
        private String event;
        private DeliveryStatus status;
        private Instant from;
        private Instant to;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Only deliveries of this event.
         *
         * @param event for example {@code message.delivered}
         * @return this builder
         */
        public Builder event(String event) {
            this.event = event;
            return this;
        }

        /**
         * Only deliveries in this state.
         *
         * @param status the state
         * @return this builder
         */
        public Builder status(DeliveryStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Only deliveries created at or after this instant.
         *
         * @param from the start
         * @return this builder
         */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /**
         * Only deliveries created before this instant.
         *
         * @param to the end
         * @return this builder
         */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the paging is invalid, or the status is UNKNOWN
         */
        public DeliveryListParams build() {
            validatePaging();
            if (status == DeliveryStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a status to filter on");
            }
            return new DeliveryListParams(this);
        }
    }
}
