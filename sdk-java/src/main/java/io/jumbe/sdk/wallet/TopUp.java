package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A top-up as it stands.
 *
 * @param transactionId     the id, {@code TXN-…}
 * @param status            pending, completed, failed or cancelled
 * @param amount            the amount, in KES
 * @param paymentMethod     {@code mpesa} or {@code manual}
 * @param phoneNumber       the prompted number
 * @param reference         the reference of a manual request, or {@code null}
 * @param checkoutRequestId M-Pesa's {@code CheckoutRequestID} of an STK Push
 * @param mpesaReceipt      M-Pesa's receipt number once paid
 * @param failureReason     why it failed, in words, with Daraja's ResultCode
 * @param createdAt         when it was started
 * @param completedAt       when it reached its final state
 */
public record TopUp(@Json(name = "transaction_id") String transactionId, TransactionStatus status, BigDecimal amount,
                    @Json(name = "payment_method") String paymentMethod,
                    @Json(name = "phone_number") String phoneNumber, String reference,
                    @Json(name = "checkout_request_id") String checkoutRequestId,
                    @Json(name = "mpesa_receipt") String mpesaReceipt,
                    @Json(name = "failure_reason") String failureReason,
                    @Json(name = "created_at") Instant createdAt,
                    @Json(name = "completed_at") Instant completedAt) {
}
