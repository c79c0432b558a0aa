package io.jumbe.core.tenant;

import io.jumbe.core.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * A sender: one of the reseller's customers, with its wallet balance and approved sender ids.
 *
 * <p>Each sender has two rows: its live tenant and its test twin ({@link #isTest()}), which {@code sk_test_} keys
 * act as. Both answer on the same {@link #clientId()}; every tenant-scoped row is keyed by {@link #id()}, so test
 * data and live data never mix.
 *
 * @param clientId the id in {@code /api/{client_id}/…} and in webhook bodies: the live tenant's id for both rows
 * @param test     true for the test twin: its traffic reaches only simulators, and sends no email
 * @param pending  true for the live row of a confirmed sign-up not approved yet: not {@link #active()}, no live key,
 *                 no sender id; only its test twin works until an admin approves it
 */
public record Tenant(long id, String name, String email, List<String> senderIds, String defaultSenderId,
                     Money pricePerSegment, Tier tier, Money lowBalanceThreshold, boolean active, Money balance,
                     Instant createdAt, Instant updatedAt, long clientId, boolean test,
                     boolean pending) {

    /** The one check for "is this test mode?": route to simulators, skip email, leave it out of revenue. */
    public boolean isTest() {
        return test;
    }

    /** {@code live} or {@code test}. */
    public String mode() {
        return test ? "test" : "live";
    }

    public String status() {
        return active ? "active" : pending ? "pending" : "suspended";
    }
}
