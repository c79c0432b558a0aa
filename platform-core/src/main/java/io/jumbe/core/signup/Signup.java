package io.jumbe.core.signup;

import java.time.Instant;

/**
 * A sign-up application.
 *
 * @param status   {@code unverified} (link sent), {@code pending_approval} (email confirmed), {@code approved} or
 *                 {@code rejected}
 * @param tenantId the sender created on approval, or null
 */
public record Signup(String id, String name, String email, String phone, String senderId, String useCase, String status,
                     Long tenantId, String rejectReason, Instant createdAt, Instant verifiedAt, Instant decidedAt) {
}
