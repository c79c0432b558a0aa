package io.jumbe.core.tenant;

import io.jumbe.core.common.Money;
import java.time.Instant;
import java.util.List;

/** A sender: one of the reseller's customers, with its wallet balance and approved sender ids. */
public record Tenant(long id, String name, String email, List<String> senderIds, String defaultSenderId,
                     Money pricePerSegment, Tier tier, Money lowBalanceThreshold, boolean active, Money balance,
                     Instant createdAt, Instant updatedAt) {

    public String status() {
        return active ? "active" : "suspended";
    }
}
