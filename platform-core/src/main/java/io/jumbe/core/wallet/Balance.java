package io.jumbe.core.wallet;

import io.jumbe.core.common.Money;

/** A wallet as the tenant sees it: the balance and how many whole SMS segments it buys. */
public record Balance(Money balance, Money pricePerUnit) {
    public long units() {
        return balance.cents() / pricePerUnit.cents();
    }
}
