package io.jumbe.sdk.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A new campaign: a name, what it sends and an audience. An SMS campaign ({@link #builder}) sends a message with
 * placeholders ({@code {{name}}}, {@code {{phone}}}, {@code {{email}}}, {@code {{attribute}}} or
 * {@code {{attributes.attribute}}}, {@code {{attribute|default}}}); a WhatsApp campaign ({@link #whatsappTemplate})
 * sends an approved template whose body parameters are written with the same placeholders:
 *
 * <pre>{@code
 * CampaignParams params = CampaignParams.whatsappTemplate("Order updates", "order_update", "en",
 *         "{{name}}", "{{attributes.order}}").group("customers").build();
 * }</pre>
 */
public final class CampaignParams {
    private final Map<String, Object> body;

    private CampaignParams(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * Starts an SMS campaign.
     *
     * @param name    its name
     * @param message the text with placeholders
     * @return the builder
     */
    public static Builder builder(String name, String message) {
        return new Builder(name, "sms").put("message", Objects.requireNonNull(message, "message"));
    }

    /**
     * Starts a WhatsApp campaign of an approved template. Each message costs the account's price for the template's
     * category; the 24-hour window does not apply to templates. A template that is not there or not approved is
     * refused at creation ({@code unknown_template}), and so is a parameter count the template does not take
     * ({@code validation_failed} on {@code template.parameters}).
     *
     * @param name       the campaign's name
     * @param template   the template's name
     * @param language   its language code ({@code en}, {@code en_US}), or null for the one it is approved in
     * @param parameters its body parameters in order, each a text with placeholders rendered per recipient
     * @return the builder
     */
    public static Builder whatsappTemplate(String name, String template, String language, String... parameters) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", Objects.requireNonNull(template, "template"));
        if (language != null) {
            t.put("language", language);
        }
        t.put("parameters", List.of(parameters));
        return new Builder(name, "whatsapp").put("template", t);
    }

    Map<String, Object> toBody() {
        return body;
    }

    /** Builds {@link CampaignParams}. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final List<String> groups = new ArrayList<>();
        private final List<String> contacts = new ArrayList<>();
        private final List<String> recipients = new ArrayList<>();

        private Builder(String name, String channel) {
            body.put("name", Objects.requireNonNull(name, "name"));
            body.put("channel", channel);
        }

        private Builder put(String field, Object value) {
            body.put(field, value);
            return this;
        }

        /**
         * SMS only: the sender id (the account's default when not set).
         *
         * @param sender an approved sender id
         * @return this builder
         * @throws IllegalStateException on a WhatsApp campaign, which goes from the account's WhatsApp number
         */
        public Builder sender(String sender) {
            if (!"sms".equals(body.get("channel"))) {
                throw new IllegalStateException("a sender id is for SMS campaigns; WhatsApp messages go from the "
                        + "account's WhatsApp number");
            }
            body.put("sender", sender);
            return this;
        }

        /**
         * Adds a group to the audience.
         *
         * @param group the group's name
         * @return this builder
         */
        public Builder group(String group) {
            groups.add(group);
            return this;
        }

        /**
         * Adds a contact to the audience.
         *
         * @param contactId its id
         * @return this builder
         */
        public Builder contact(String contactId) {
            contacts.add(contactId);
            return this;
        }

        /**
         * Adds a number to the audience.
         *
         * @param phone the number
         * @return this builder
         */
        public Builder recipient(String phone) {
            recipients.add(phone);
            return this;
        }

        /**
         * When a launched campaign starts sending.
         *
         * @param when a future time, at most 30 days ahead
         * @return this builder
         */
        public Builder scheduleAt(Instant when) {
            body.put("schedule_at", when.toString());
            return this;
        }

        /**
         * The caller's reference, carried by every message.
         *
         * @param reference up to 64 characters
         * @return this builder
         */
        public Builder reference(String reference) {
            body.put("reference", reference);
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         * @throws IllegalStateException when the audience is empty
         */
        public CampaignParams build() {
            if (groups.isEmpty() && contacts.isEmpty() && recipients.isEmpty()) {
                throw new IllegalStateException("name at least one group, contact or recipient");
            }
            Map<String, Object> out = new LinkedHashMap<>(body);
            Map<String, Object> audience = new LinkedHashMap<>();
            audience.put("groups", List.copyOf(groups));
            audience.put("contacts", List.copyOf(contacts));
            audience.put("recipients", List.copyOf(recipients));
            out.put("audience", audience);
            return new CampaignParams(out);
        }
    }
}
