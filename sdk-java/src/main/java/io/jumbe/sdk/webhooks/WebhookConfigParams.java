package io.jumbe.sdk.webhooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration to store with {@link WebhooksService#putConfig(WebhookConfigParams)}.
 *
 * @param webhookUrl    an http(s) URL on a public address
 * @param events        the event names to deliver
 * @param webhookSecret {@code whsec_} + base64 of 24–64 bytes, or {@code null} to have one generated
 */
public record WebhookConfigParams(String webhookUrl, List<String> events, String webhookSecret) {

    /**
     * Copies the event list.
     *
     * @param webhookUrl    the URL
     * @param events        the event names
     * @param webhookSecret the secret, or {@code null}
     */
    public WebhookConfigParams {
        events = List.copyOf(events);
    }

    /**
     * Starts building the configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhook_url", webhookUrl);
        body.put("events", events);
        if (webhookSecret != null) {
            body.put("webhook_secret", webhookSecret);
        }
        return body;
    }

    @Override
    public String toString() {
        return "WebhookConfigParams[webhookUrl=" + webhookUrl + ", events=" + events + "]";
    }

    /** Builds {@link WebhookConfigParams}; the URL and at least one event are required. */
    public static final class Builder {
        private String webhookUrl;
        private final List<String> events = new ArrayList<>();
        private String webhookSecret;

        private Builder() {
        }

        /**
         * Where deliveries go. Required.
         *
         * @param webhookUrl an http(s) URL
         * @return this builder
         */
        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        /**
         * Adds an event name, for example {@code message.delivered}.
         *
         * @param event the event name
         * @return this builder
         */
        public Builder addEvent(String event) {
            if (event == null || event.isBlank()) {
                throw new IllegalArgumentException("event name is required");
            }
            events.add(event);
            return this;
        }

        /**
         * Adds several event names.
         *
         * @param events the event names
         * @return this builder
         */
        public Builder events(Collection<String> events) {
            events.forEach(this::addEvent);
            return this;
        }

        /**
         * Sets the signing secret instead of having one generated.
         *
         * @param webhookSecret {@code whsec_} + base64
         * @return this builder
         */
        public Builder webhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the URL or the events are missing, or the secret lacks its prefix
         */
        public WebhookConfigParams build() {
            if (webhookUrl == null || !(webhookUrl.startsWith("http://") || webhookUrl.startsWith("https://"))) {
                throw new IllegalArgumentException("webhookUrl must be an http or https URL");
            }
            if (events.isEmpty()) {
                throw new IllegalArgumentException("at least one event is required");
            }
            if (webhookSecret != null && !webhookSecret.startsWith("whsec_")) {
                throw new IllegalArgumentException("webhookSecret must start with whsec_");
            }
            return new WebhookConfigParams(webhookUrl, events, webhookSecret);
        }
    }
}
