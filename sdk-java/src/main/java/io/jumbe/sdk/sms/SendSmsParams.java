package io.jumbe.sdk.sms;

import java.time.Instant;
import java.util.Map;

/**
 * One SMS to one recipient, for {@link SmsService#send(SendSmsParams)} and {@link SmsService#quote(SendSmsParams)}.
 *
 * @param recipient  the phone number, in any accepted form ({@code 07…}, {@code +254…}, {@code 254…})
 * @param message    the text
 * @param sender     an approved sender id, or {@code null} for the account's default
 * @param scheduleAt when to send, or {@code null} for now
 * @param reference  the caller's own id (at most 64 characters), or {@code null}
 */
public record SendSmsParams(String recipient, String message, String sender, Instant scheduleAt, String reference) {

    /**
     * Starts building the parameters.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, Object> toBody() {
        return SmsBodies.body("recipient", recipient, message, sender, scheduleAt, reference);
    }

    /** Builds {@link SendSmsParams}; {@code recipient} and {@code message} are required. */
    public static final class Builder {
        private String recipient;
        private String message;
        private String sender;
        private Instant scheduleAt;
        private String reference;

        private Builder() {
        }

        /**
         * The phone number. Required.
         *
         * @param recipient for example {@code 0712345678}
         * @return this builder
         */
        public Builder recipient(String recipient) {
            this.recipient = recipient;
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
         * @param sender for example {@code FALLEY-MED}
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
         * @throws IllegalArgumentException when a required field is missing or a field is out of range
         */
        public SendSmsParams build() {
            SmsBodies.requireText("recipient", recipient);
            SmsBodies.checkCommon(message, reference);
            return new SendSmsParams(recipient.trim(), message, sender, scheduleAt, reference);
        }
    }
}
