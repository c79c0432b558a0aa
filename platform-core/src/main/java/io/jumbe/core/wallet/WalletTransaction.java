package io.jumbe.core.wallet;

import io.jumbe.core.common.Money;
import java.time.Instant;

/** One journal entry as stored. */
public record WalletTransaction(String id, long tenantId, String type, Money amount, String status,
                                String paymentMethod, String phoneNumber, String reference, String description,
                                String checkoutRequestId, String merchantRequestId, String mpesaReceipt,
                                String refundFor, String failureReason, String metadata, Money balanceBefore,
                                Money balanceAfter, String createdBy, Instant createdAt, Instant completedAt) {
}
