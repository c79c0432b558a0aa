package io.jumbe.core.wallet;

import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The {@code insufficient_balance} refusal every paid request gives, with the balance and what was asked. */
public final class InsufficientBalance {
    private InsufficientBalance() {
    }

    /**
     * @param what what was to be paid for, in words ("request", "campaign")
     */
    public static ServiceException of(Handle h, long tenantId, Money needed, String what) {
        Money balance = balance(h, tenantId);
        return new ServiceException("insufficient_balance", "The balance of KES " + balance + " does not cover this "
                + what + "'s cost of KES " + needed + ".", List.of(),
                Map.of("required", needed.toDecimal(), "balance", balance.toDecimal()));
    }

    /** The tenant's balance as the caller's transaction sees it. */
    public static Money balance(Handle h, long tenantId) {
        return Money.ofCents(h.createQuery("SELECT balance_cents FROM tenants WHERE id = :id").bind("id", tenantId)
                .mapTo(Long.class).one());
    }
}
