package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The {@code data} of {@code topup.completed} and {@code topup.failed} events.
 *
 * @param transactionId the top-up, {@code TXN-…}
 * @param amount        the amount, in KES
 * @param mpesaReceipt  M-Pesa's receipt, when paid
 * @param phoneNumber   the paying number
 * @param failureReason why it failed, when it did
 */
public record TopUpEventData(@Json(name = "transaction_id") String transactionId, BigDecimal amount,
                             @Json(name = "mpesa_receipt") String mpesaReceipt,
                             @Json(name = "phone_number") String phoneNumber,
                             @Json(name = "failure_reason") String failureReason) {
}
