package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The {@code data} of a {@code balance.updated} event.
 *
 * @param oldBalance    the balance before, in KES
 * @param newBalance    the balance after, in KES
 * @param amount        the change, in KES
 * @param cause         what changed it, for example {@code topup}, {@code sms_charge}, {@code refund}
 * @param transactionId the journal entry, {@code TXN-…}
 * @param currency      {@code KES}
 */
public record BalanceUpdatedData(@Json(name = "old_balance") BigDecimal oldBalance,
                                 @Json(name = "new_balance") BigDecimal newBalance, BigDecimal amount, String cause,
                                 @Json(name = "transaction_id") String transactionId, String currency) {
}
