package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/**
 * The account's webhook configuration.
 *
 * @param webhookUrl               where deliveries go
 * @param events                   the event names delivered, for example {@code balance.updated}
 * @param enabled                  whether deliveries are on
 * @param disabledReason           why they are off (turned off by the tenant, or the receiver answered 410)
 * @param previousSecretValidUntil after a rotation, until when the old secret still signs
 * @param webhookSecret            the signing secret: only in the answer to a PUT that generated or set it,
 *                                 otherwise {@code null}
 * @param createdAt                when it was first configured
 * @param updatedAt                the last change
 */
public record WebhookConfig(@Json(name = "webhook_url") String webhookUrl, List<String> events, boolean enabled,
                            @Json(name = "disabled_reason") String disabledReason,
                            @Json(name = "previous_secret_valid_until") Instant previousSecretValidUntil,
                            @Json(name = "webhook_secret") String webhookSecret,
                            @Json(name = "created_at") Instant createdAt,
                            @Json(name = "updated_at") Instant updatedAt) {
    /**
     * Normalises an absent list to an empty one.
     *
     * @param webhookUrl               where deliveries go
     * @param events                   the event names
     * @param enabled                  whether deliveries are on
     * @param disabledReason           why they are off
     * @param previousSecretValidUntil until when the old secret signs
     * @param webhookSecret            the secret, when shown
     * @param createdAt                first configured
     * @param updatedAt                last change
     */
    public WebhookConfig {
        events = events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public String toString() {
        return "WebhookConfig[webhookUrl=" + webhookUrl + ", events=" + events + ", enabled=" + enabled
                + ", disabledReason=" + disabledReason + ", webhookSecret="
                + (webhookSecret == null ? "null" : "whsec_…") + "]";
    }
}
