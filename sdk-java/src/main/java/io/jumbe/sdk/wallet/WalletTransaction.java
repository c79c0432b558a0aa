package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One journal entry: a credit, a debit or a refund.
 *
 * @param transactionId the id, {@code TXN-…}
 * @param type          credit, debit or refund
 * @param status        the entry's state
 * @param amount        the amount, in KES, always positive
 * @param paymentMethod how a credit was paid ({@code mpesa}, {@code manual}), or {@code null}
 * @param phoneNumber   the paying number of an M-Pesa credit
 * @param reference     a reference (the tenant's, the bank slip, the message id…)
 * @param mpesaReceipt  the M-Pesa receipt of a paid top-up
 * @param description   the entry in words
 * @param failureReason why a failed entry failed, in words
 * @param balanceBefore the balance before this entry, in KES
 * @param balanceAfter  the balance after this entry, in KES
 * @param createdAt     when it was recorded
 * @param completedAt   when it reached its final state
 */
public record WalletTransaction(@Json(name = "transaction_id") String transactionId, TransactionType type,
                                TransactionStatus status, BigDecimal amount,
                                @Json(name = "payment_method") String paymentMethod,
                                @Json(name = "phone_number") String phoneNumber, String reference,
                                @Json(name = "mpesa_receipt") String mpesaReceipt, String description,
                                @Json(name = "failure_reason") String failureReason,
                                @Json(name = "balance_before") BigDecimal balanceBefore,
                                @Json(name = "balance_after") BigDecimal balanceAfter,
                                @Json(name = "created_at") Instant createdAt,
                                @Json(name = "completed_at") Instant completedAt) {
}
