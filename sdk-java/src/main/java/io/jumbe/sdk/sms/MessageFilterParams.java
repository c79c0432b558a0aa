package io.jumbe.sdk.sms;

import io.jumbe.sdk.ListParams;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters every message list shares ({@code status}, {@code recipient}, {@code reference}, {@code from},
 * {@code to}), beside the paging of {@link ListParams}. Every field is optional.
 */
public abstract class MessageFilterParams extends ListParams {
    private final MessageStatus status;
    private final String recipient;
    private final String reference;
    private final Object from;
    private final Object to;

    /**
     * Copies the filters and the paging from a validated builder.
     *
     * @param b the builder
     */
    protected MessageFilterParams(Builder<?> b) {
        super(b);
        this.status = b.status;
        this.recipient = b.recipient;
        this.reference = b.reference;
        this.from = b.from;
        this.to = b.to;
    }

    /**
     * The filters as query parameters, in the order they are sent; a null value is left out of the request.
     *
     * @return parameter name to value
     */
    protected final Map<String, Object> filters() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("status", status == null ? null : status.wireValue());
        q.put("recipient", recipient);
        q.put("reference", reference);
        q.put("from", from);
        q.put("to", to);
        return q;
    }

    /**
     * The filter part of a message list's parameter builder.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static class Builder<B extends Builder<B>> extends ListParams.Builder<B> {
        private MessageStatus status;
        private String recipient;
        private String reference;
        private Object from;
        private Object to;

        /** Creates a builder with nothing set. */
        protected Builder() {
        }

        /**
         * Only messages in this status.
         *
         * @param status the status; {@link MessageStatus#UNKNOWN} is not allowed
         * @return this builder
         */
        public B status(MessageStatus status) {
            this.status = status;
            return self();
        }

        /**
         * Only messages to this number (for replies: from this number).
         *
         * @param recipient the number
         * @return this builder
         */
        public B recipient(String recipient) {
            this.recipient = recipient;
            return self();
        }

        /**
         * Only messages with this reference.
         *
         * @param reference the caller's id
         * @return this builder
         */
        public B reference(String reference) {
            this.reference = reference;
            return self();
        }

        /**
         * Only messages created at or after this instant.
         *
         * @param from the start
         * @return this builder
         */
        public B from(Instant from) {
            this.from = from;
            return self();
        }

        /**
         * Only messages created on or after this day.
         *
         * @param from the first day
         * @return this builder
         */
        public B from(LocalDate from) {
            this.from = from;
            return self();
        }

        /**
         * Only messages created before this instant.
         *
         * @param to the end
         * @return this builder
         */
        public B to(Instant to) {
            this.to = to;
            return self();
        }

        /**
         * Only messages created on or before this day.
         *
         * @param to the last day
         * @return this builder
         */
        public B to(LocalDate to) {
            this.to = to;
            return self();
        }

        /**
         * Checks the paging and the filters.
         *
         * @throws IllegalArgumentException when the paging is invalid, or the status is UNKNOWN
         */
        protected void validate() {
            validatePaging();
            if (status == MessageStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is not a status to filter on");
            }
        }
    }
}
