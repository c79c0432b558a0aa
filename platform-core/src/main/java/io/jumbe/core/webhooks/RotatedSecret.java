package io.jumbe.core.webhooks;

import java.time.Instant;

/**
 * A freshly rotated secret, shown once.
 *
 * @param secret             the new {@code whsec_…} secret
 * @param previousValidUntil until then deliveries are signed with both the new and the previous secret
 */
public record RotatedSecret(String secret, Instant previousValidUntil) {
}
