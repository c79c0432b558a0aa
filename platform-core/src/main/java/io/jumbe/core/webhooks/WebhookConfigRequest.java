package io.jumbe.core.webhooks;

import java.util.List;

/**
 * What a tenant asks for when it sets its webhook configuration.
 *
 * @param url    the receiver's URL (required)
 * @param events the event types to receive; null means all of {@link io.jumbe.core.events.EventTypes#ALL}
 * @param secret a {@code whsec_…} secret of the tenant's own, or null to keep the current one (or get a new one on
 *               first configuration)
 */
public record WebhookConfigRequest(String url, List<String> events, String secret) {
}
