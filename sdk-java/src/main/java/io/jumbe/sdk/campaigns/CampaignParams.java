package io.jumbe.sdk.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A new campaign: a name, a message with placeholders ({@code {{name}}}, {@code {{phone}}}, {@code {{email}}},
 * {@code {{attribute}}} or {@code {{attributes.attribute}}}, {@code {{attribute|default}}}) and an audience.
 */
public final class CampaignParams {
    private final Map<String, Object> body;

    private CampaignParams(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * Starts a campaign.
     *
     * @param name    its name
     * @param message the text with placeholders
     * @return the builder
     */
    public static Builder builder(String name, String message) {
        return new Builder(name, message);
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

        private Builder(String name, String message) {
            body.put("name", Objects.requireNonNull(name, "name"));
            body.put("channel", "sms");
            body.put("message", Objects.requireNonNull(message, "message"));
        }

        /**
         * The sender id (the account's default when not set).
         *
         * @param sender an approved sender id
         * @return this builder
         */
        public Builder sender(String sender) {
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
