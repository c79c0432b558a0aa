package io.jumbe.sdk.account;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where the account's emails go and which it wants. The welcome email with the live key always goes.
 *
 * @param email               every email goes to this address (the account's)
 * @param cc                  copies of every email
 * @param lowBalanceThreshold a debit that takes the balance below this, in KES, sends the low-balance email
 * @param emails              which emails are wanted
 */
public record NotificationSettings(String email, List<String> cc,
                                   @Json(name = "low_balance_threshold") BigDecimal lowBalanceThreshold,
                                   EmailSwitches emails) {

    /**
     * Keeps the copies unmodifiable (none when the answer has none).
     *
     * @param email               the address
     * @param cc                  the copies
     * @param lowBalanceThreshold the threshold, in KES
     * @param emails              which emails are wanted
     */
    public NotificationSettings {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /**
     * Which emails the account wants.
     *
     * @param lowBalance the balance went below the threshold (once per crossing)
     * @param topup      a top-up succeeded or failed
     * @param webhooks   a 410 answer turned the webhooks off
     */
    public record EmailSwitches(@Json(name = "low_balance") boolean lowBalance, boolean topup, boolean webhooks) {
    }
}
