package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import java.time.Instant;

/**
 * A new signing secret, shown once. Until {@code previousSecretValidUntil} deliveries carry signatures made with
 * both the old and the new secret.
 *
 * @param webhookSecret            the new secret, {@code whsec_…}
 * @param previousSecretValidUntil when the old secret stops signing
 */
public record SecretRotation(@Json(name = "webhook_secret") String webhookSecret,
                             @Json(name = "previous_secret_valid_until") Instant previousSecretValidUntil) {
    @Override
    public String toString() {
        return "SecretRotation[webhookSecret=whsec_…, previousSecretValidUntil=" + previousSecretValidUntil + "]";
    }
}
