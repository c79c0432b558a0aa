package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A top-up as it stands.
 *
 * @param transactionId the id, {@code TXN-…}
 * @param status        pending, completed, failed or cancelled
 * @param amount        the amount, in KES
 * @param paymentMethod {@code mpesa} or {@code manual}
 * @param phoneNumber   the prompted number
 * @param mpesaReceipt  M-Pesa's receipt number once paid
 * @param failureReason why it failed, in words (with Daraja's ResultCode)
 * @param resultCode    Daraja's ResultCode when the server gives it separately
 * @param createdAt     when it was started
 * @param completedAt   when it reached its final state
 */
public record TopUp(@Json(name = "transaction_id") String transactionId, TransactionStatus status, BigDecimal amount,
                    @Json(name = "payment_method") String paymentMethod,
                    @Json(name = "phone_number") String phoneNumber,
                    @Json(name = "mpesa_receipt") String mpesaReceipt,
                    @Json(name = "failure_reason") String failureReason,
                    @Json(name = "result_code") Integer resultCode,
                    @Json(name = "created_at") Instant createdAt,
                    @Json(name = "completed_at") Instant completedAt) {
}
