package io.jumbe.core.payments;

import io.jumbe.core.common.Money;
import java.time.Instant;

/**
 * A payment callback we did not credit as it came (or credited late), kept for an admin.
 *
 * @param id                row id
 * @param kind              {@code unknown_checkout}, {@code amount_mismatch}, {@code missing_receipt},
 *                          {@code receipt_reused} or {@code late_success}
 * @param checkoutRequestId the callback's {@code CheckoutRequestID}
 * @param transactionId     our top-up, when the checkout id matched one
 * @param tenantId          its tenant, when known
 * @param mpesaReceipt      the receipt in the callback, if any
 * @param amount            the amount the callback reported, if any
 * @param expected          the amount we asked for, when known
 * @param phoneNumber       the phone in the callback, if any
 * @param reason            words for the admin
 * @param rawBody           the callback exactly as received
 * @param createdAt         when it arrived
 * @param resolvedAt        when an admin closed it, or null
 */
public record PaymentAnomaly(long id, String kind, String checkoutRequestId, String transactionId, Long tenantId,
                             String mpesaReceipt, Money amount, Money expected, String phoneNumber, String reason,
                             String rawBody, Instant createdAt, Instant resolvedAt) {
}
