package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * How one tenant's webhooks are doing, for the admins.
 *
 * @param tenantId       the tenant
 * @param url            its receiver
 * @param enabled        false after {@code DELETE} or a 410 answer
 * @param disabledReason why it is off, or null
 * @param lastSuccessAt  the last 2xx answer, or null
 * @param lastFailureAt  the last failed attempt, or null
 * @param failing        deliveries not delivered: failed, or pending after at least one failed attempt
 */
public record WebhookHealth(long tenantId, String url, boolean enabled, String disabledReason, Instant lastSuccessAt,
                            Instant lastFailureAt, long failing) {
}
