package io.jumbe.core.apikeys;

import java.time.Instant;

/** A key as admins see it: never the secret, only its display prefix. */
public record ApiKey(String id, long tenantId, String prefix, String mode, Instant createdAt, Instant expiresAt,
                     Instant revokedAt, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
