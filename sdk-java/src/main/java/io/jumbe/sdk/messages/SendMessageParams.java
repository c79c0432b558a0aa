package io.jumbe.sdk.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One send on either channel ({@code POST /messages/send}). Start from {@link #whatsappTemplate},
 * {@link #whatsappText} or {@link #sms}; add recipients, a reference or a time with the builder's methods.
 *
 * <pre>{@code
 * client.messages().send(SendMessageParams.whatsappTemplate("order_update", "en", "Amina", "ORD-1182")
 *         .recipient("0712345678").build());
 * }</pre>
 */
public final class SendMessageParams {
    private final Map<String, Object> body;

    private SendMessageParams(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * A WhatsApp template with its body parameters in order.
     *
     * @param name       the template's name
     * @param language   its language code ({@code en}, {@code en_US}), or null for its one language
     * @param parameters the body parameters
     * @return a builder to name the recipient(s)
     */
    public static Builder whatsappTemplate(String name, String language, String... parameters) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        if (language != null) {
            template.put("language", language);
        }
        template.put("parameters", List.of(parameters));
        return new Builder("whatsapp").put("template", template);
    }

    /**
     * WhatsApp free-form text: only to a customer who wrote to you in the last 24 hours.
     *
     * @param text the text
     * @return a builder to name the recipient(s)
     */
    public static Builder whatsappText(String text) {
        return new Builder("whatsapp").put("text", text);
    }

    /**
     * An SMS, as {@code sms/send} sends it.
     *
     * @param message the text
     * @return a builder to name the recipient(s) and, optionally, the sender id
     */
    public static Builder sms(String message) {
        return new Builder("sms").put("message", message);
    }

    Map<String, Object> toBody() {
        return body;
    }

    /** Builds {@link SendMessageParams}. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final List<String> recipients = new ArrayList<>();

        private Builder(String channel) {
            body.put("channel", channel);
        }

        private Builder put(String name, Object value) {
            body.put(name, value);
            return this;
        }

        /**
         * Adds a recipient; one gives the single answer shape, several the bulk one.
         *
         * @param recipient a phone number in any accepted form
         * @return this builder
         */
        public Builder recipient(String recipient) {
            recipients.add(recipient);
            return this;
        }

        /**
         * Adds recipients (up to 10,000 in all).
         *
         * @param numbers phone numbers
         * @return this builder
         */
        public Builder recipients(List<String> numbers) {
            recipients.addAll(numbers);
            return this;
        }

        /**
         * SMS only: the approved sender id (the default one when not set).
         *
         * @param sender the sender id
         * @return this builder
         */
        public Builder sender(String sender) {
            return put("sender", sender);
        }

        /**
         * Your own id, echoed in every view and event.
         *
         * @param reference at most 64 characters
         * @return this builder
         */
        public Builder reference(String reference) {
            return put("reference", reference);
        }

        /**
         * Sends later.
         *
         * @param when in the future, at most 30 days ahead
         * @return this builder
         */
        public Builder scheduleAt(Instant when) {
            return put("schedule_at", when.toString());
        }

        /**
         * @return the parameters
         * @throws IllegalStateException without a recipient
         */
        public SendMessageParams build() {
            if (recipients.isEmpty()) {
                throw new IllegalStateException("at least one recipient is required");
            }
            Map<String, Object> out = new LinkedHashMap<>(body);
            if (recipients.size() == 1) {
                out.put("recipient", recipients.get(0));
            } else {
                out.put("recipients", List.copyOf(recipients));
            }
            return new SendMessageParams(out);
        }
    }
}
