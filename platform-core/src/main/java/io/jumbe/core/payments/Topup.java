package io.jumbe.core.payments;

import io.jumbe.core.common.Money;
import java.time.Instant;

/**
 * A top-up as its tenant and the admins see it: an M-Pesa STK Push or a manual request, kept by payments (not in the
 * journal) until the payer answers; its credit, once paid, is a journal entry of its own.
 *
 * @param transactionId       {@code TXN-…}
 * @param tenantId            whose wallet it credits
 * @param status              pending, completed, failed or cancelled
 * @param amount              what was asked for
 * @param paymentMethod       {@code mpesa} or {@code manual}
 * @param phoneNumber         the paying phone (M-Pesa), else null
 * @param reference           the tenant's reference (manual), else null
 * @param note                the tenant's note or our description
 * @param checkoutRequestId   Daraja's {@code CheckoutRequestID}, null until Daraja accepted the push
 * @param merchantRequestId   Daraja's {@code MerchantRequestID}, null until Daraja accepted the push
 * @param mpesaReceipt        the receipt from the callback; null for a top-up resolved by STK Query alone
 * @param failureReason       words and Daraja's ResultCode, when it failed; kept when a late payment completes it
 * @param lateCredit          true when the payment succeeded after we had marked the top-up failed
 * @param creditTransactionId the journal entry that credited it: this top-up's own id when paid in time, another
 *                            for a late payment; null until credited
 * @param createdBy           who asked ({@code client:N} for a manual request), else null
 * @param resolvedBy          the admin who approved or rejected a manual request
 * @param createdAt           when it was asked for
 * @param completedAt         when the money was credited
 */
public record Topup(String transactionId, long tenantId, String status, Money amount, String paymentMethod,
                    String phoneNumber, String reference, String note, String checkoutRequestId,
                    String merchantRequestId, String mpesaReceipt, String failureReason, boolean lateCredit,
                    String creditTransactionId, String createdBy, String resolvedBy, Instant createdAt,
                    Instant completedAt) {

    /** True while the payer has not answered (and for a manual request, no admin has). */
    public boolean isPending() {
        return "pending".equals(status);
    }
}
