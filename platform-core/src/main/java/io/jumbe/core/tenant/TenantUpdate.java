package io.jumbe.core.tenant;

import io.jumbe.core.common.Money;
import java.util.Optional;

/** A partial change of a sender's settings; empty fields stay as they are. */
public record TenantUpdate(Optional<String> name, Optional<String> email, Optional<Money> pricePerSegment,
                           Optional<Tier> tier, Optional<Money> lowBalanceThreshold,
                           Optional<String> defaultSenderId) {

    public static TenantUpdate none() {
        return new TenantUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
