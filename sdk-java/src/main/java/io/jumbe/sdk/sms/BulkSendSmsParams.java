package io.jumbe.sdk.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One text to several recipients (up to 10,000), for {@link SmsService#sendBulk(BulkSendSmsParams)} and
 * {@link SmsService#quote(BulkSendSmsParams)}. The server normalises the numbers and removes duplicates.
 *
 * @param recipients the phone numbers
 * @param message    the text
 * @param sender     an approved sender id, or {@code null} for the account's default
 * @param scheduleAt when to send, or {@code null} for now
 * @param reference  the caller's own id (at most 64 characters), or {@code null}
 */
public record BulkSendSmsParams(List<String> recipients, String message, String sender, Instant scheduleAt,
                                String reference) {

    /** The most recipients one request may carry. */
    public static final int MAX_RECIPIENTS = 10_000;

    /**
     * Copies the recipient list.
     *
     * @param recipients the phone numbers
     * @param message    the text
     * @param sender     an approved sender id, or {@code null}
     * @param scheduleAt when to send, or {@code null}
     * @param reference  the caller's own id, or {@code null}
     */
    public BulkSendSmsParams {
        recipients = List.copyOf(recipients);
    }

    /**
     * Starts building the parameters.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, Object> toBody() {
        return SmsBodies.body("recipients", recipients, message, sender, scheduleAt, reference);
    }

    /** Builds {@link BulkSendSmsParams}; at least one recipient and the message are required. */
    public static final class Builder {
        private final List<String> recipients = new ArrayList<>();
        private String message;
        private String sender;
        private Instant scheduleAt;
        private String reference;

        private Builder() {
        }

        /**
         * Adds one recipient.
         *
         * @param recipient a phone number
         * @return this builder
         */
        public Builder addRecipient(String recipient) {
            SmsBodies.requireText("recipient", recipient);
            recipients.add(recipient.trim());
            return this;
        }

        /**
         * Adds several recipients.
         *
         * @param recipients phone numbers
         * @return this builder
         */
        public Builder recipients(Collection<String> recipients) {
            recipients.forEach(this::addRecipient);
            return this;
        }

        /**
         * The text. Required, not empty.
         *
         * @param message the text
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * An approved sender id; default the account's default sender id.
         *
         * @param sender the sender id
         * @return this builder
         */
        public Builder sender(String sender) {
            this.sender = sender;
            return this;
        }

        /**
         * Sends later: in the future and at most 30 days ahead.
         *
         * @param scheduleAt the instant to send at
         * @return this builder
         */
        public Builder scheduleAt(Instant scheduleAt) {
            this.scheduleAt = scheduleAt;
            return this;
        }

        /**
         * The caller's own id, echoed in every later view and event. At most 64 characters.
         *
         * @param reference the id
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when there are no recipients or too many, or the message is missing
         */
        public BulkSendSmsParams build() {
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("at least one recipient is required");
            }
            if (recipients.size() > MAX_RECIPIENTS) {
                throw new IllegalArgumentException("at most " + MAX_RECIPIENTS + " recipients per request");
            }
            SmsBodies.checkCommon(message, reference);
            return new BulkSendSmsParams(recipients, message, sender, scheduleAt, reference);
        }
    }
}
