package io.jumbe.core.notify;

import io.jumbe.core.common.Money;
import java.util.List;

/**
 * Where a tenant's emails go and which it wants; the welcome mail always goes.
 *
 * @param email               the address every email goes to (the account's)
 * @param cc                  copies of every email
 * @param lowBalanceThreshold a debit that takes the balance below this sends the low-balance alert
 * @param lowBalance          low-balance alerts wanted
 * @param topup               top-up confirmations and failures wanted
 * @param webhooks            "webhooks turned off" wanted
 */
public record NotificationSettings(String email, List<String> cc, Money lowBalanceThreshold, boolean lowBalance,
                                   boolean topup, boolean webhooks) {
    public NotificationSettings {
        cc = List.copyOf(cc);
    }
}
