package io.jumbe.core.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's webhook configuration as it may be shown: never the secret.
 *
 * @param tenantId            the tenant
 * @param url                 where deliveries go
 * @param events              the event types subscribed to
 * @param enabled             false after {@code DELETE} or a 410 answer
 * @param disabledReason      why it is off, or null
 * @param previousSecretUntil while in the future, deliveries are also signed with the secret replaced last
 * @param createdAt           first configured
 * @param updatedAt           last changed
 */
public record WebhookConfig(long tenantId, String url, List<String> events, boolean enabled, String disabledReason,
                            Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {

    /** Copies the event list. */
    public WebhookConfig {
        events = List.copyOf(events);
    }
}
