package io.jumbe.core.tenant;

import io.jumbe.core.common.Money;

/** What an admin gives to create a sender. The opening balance is journaled as a manual credit. */
public record NewTenant(String name, String email, String senderId, Money pricePerSegment, Tier tier,
                        Money lowBalanceThreshold, Money openingBalance) {

    public static NewTenant of(String name, String email, String senderId) {
        return new NewTenant(name, email, senderId, Money.ofCents(100), Tier.BRONZE, Money.ofCents(10_000), Money.ZERO);
    }

    public NewTenant withBalance(Money balance) {
        return new NewTenant(name, email, senderId, pricePerSegment, tier, lowBalanceThreshold, balance);
    }

    public NewTenant withPrice(Money price) {
        return new NewTenant(name, email, senderId, price, tier, lowBalanceThreshold, openingBalance);
    }

    public NewTenant withTier(Tier newTier) {
        return new NewTenant(name, email, senderId, pricePerSegment, newTier, lowBalanceThreshold, openingBalance);
    }
}
