package io.jumbe.sdk.messages;

import io.jumbe.sdk.ListParams;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.Query;
import io.jumbe.sdk.sms.MessageStatus;
import java.time.Instant;

/** Filters and paging for {@link MessagesService#list} and {@link MessagesService#inbound}. Every field is optional. */
public final class MessageListParams extends ListParams {
    private final String channel;
    private final MessageStatus status;
    private final String recipient;
    private final String reference;
    private final Instant from;
    private final Instant to;

    private MessageListParams(Builder b) {
        super(b);
        this.channel = b.channel;
        this.status = b.status;
        this.recipient = b.recipient;
        this.reference = b.reference;
        this.from = b.from;
        this.to = b.to;
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
        return Pages.paging(new Query().add("direction", direction).add("channel", channel)
                .add("status", status == null ? null : status.wireValue()).add("recipient", recipient)
                .add("reference", reference).add("from", from).add("to", to), this, after);
    }

    /** Builds {@link MessageListParams}. */
    public static final class Builder extends ListParams.Builder<Builder> {
        private String channel;
        private MessageStatus status;
        private String recipient;
        private String reference;
        private Instant from;
        private Instant to;

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
         * @param status only messages in this status
         * @return this builder
         */
        public Builder status(MessageStatus status) {
            this.status = status;
            return this;
        }

        /**
         * @param recipient only this number (for replies: only from this number)
         * @return this builder
         */
        public Builder recipient(String recipient) {
            this.recipient = recipient;
            return this;
        }

        /**
         * @param reference only messages with this reference
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * @param from created at or after
         * @return this builder
         */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /**
         * @param to created before
         * @return this builder
         */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /** @return the parameters */
        public MessageListParams build() {
            validatePaging();
            return new MessageListParams(this);
        }
    }
}
