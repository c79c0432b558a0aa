package io.jumbe.core.wallet;

import io.jumbe.core.common.Money;

/** A completed journal entry and the balance on either side of it. */
public record BalanceChange(String transactionId, long tenantId, String type, Money amount, Money before,
                            Money after) {
}
