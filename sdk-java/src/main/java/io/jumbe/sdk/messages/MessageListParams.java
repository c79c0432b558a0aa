package io.jumbe.sdk.messages;

import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import io.jumbe.sdk.sms.MessageFilterParams;

/**
 * Filters and paging for {@link MessagesService#list} and {@link MessagesService#inbound}: the message filters and a
 * {@code channel}. Every field is optional.
 */
public final class MessageListParams extends MessageFilterParams {
    private final String channel;

    private MessageListParams(Builder b) {
        super(b);
        this.channel = b.channel;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return no filter: the first page of everything */
    public static MessageListParams none() {
        return builder().build();
    }

    Query toQuery(String direction, String after) {
        Query q = new Query().add("direction", direction).add("channel", channel);
        filters().forEach(q::add);
        return Pages.paging(q, this, after);
    }

    /** Builds {@link MessageListParams}. */
    public static final class Builder extends MessageFilterParams.Builder<Builder> {
        private String channel;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param channel {@code sms} or {@code whatsapp}
         * @return this builder
         */
        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the paging is invalid, or the status is UNKNOWN
         */
        public MessageListParams build() {
            validate();
            return new MessageListParams(this);
        }
    }
}
