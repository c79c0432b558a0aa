package io.jumbe.sdk.webhooks;

import io.jumbe.sdk.internal.Query;
import java.time.Instant;

/**
 * Filters and paging for {@link WebhooksService#deliveries(DeliveryListParams)}. Every field is optional.
 */
public final class DeliveryListParams {
    private final String event;
    private final DeliveryStatus status;
    private final Instant from;
    private final Instant to;
    private final Integer page;
    private final Integer perPage;

    private DeliveryListParams(Builder b) {
        this.event = b.event;
        this.status = b.status;
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
     * No filter: the first page of all deliveries.
     *
     * @return empty parameters
     */
    public static DeliveryListParams none() {
        return builder().build();
    }

    Query toQuery(Integer pageOverride) {
        return new Query().add("event", event).add("status", status).add("from", from).add("to", to)
                .add("page", pageOverride != null ? pageOverride : page).add("per_page", perPage);
    }

    /** Builds {@link DeliveryListParams}. */
    public static final class Builder {
        private String event;
        private DeliveryStatus status;
        private Instant from;
        private Instant to;
        private Integer page;
        private Integer perPage;

        private Builder() {
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
        public DeliveryListParams build() {
            if (page != null && page < 1) {
                throw new IllegalArgumentException("page must be >= 1");
            }
            if (perPage != null && perPage < 1) {
                throw new IllegalArgumentException("perPage must be >= 1");
            }
            if (status == DeliveryStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a status to filter on");
            }
            return new DeliveryListParams(this);
        }
    }
}
