package io.jumbe.core.payments;

import io.jumbe.core.common.Money;

/**
 * An STK Push Daraja accepted: the customer's phone shows the prompt; the outcome arrives later.
 *
 * @param transactionId     our {@code TXN-…}
 * @param amount            what the prompt asks for
 * @param phoneNumber       canonical phone prompted
 * @param checkoutRequestId Daraja's {@code CheckoutRequestID}
 */
public record StartedTopup(String transactionId, Money amount, String phoneNumber, String checkoutRequestId) {
}
