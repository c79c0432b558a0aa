package io.jumbe.server.simulator.daraja;

import java.time.Instant;

/**
 * One STK Push the simulator accepted, with the outcome the phone number chose.
 *
 * @param checkoutRequestId {@code CheckoutRequestID} handed back
 * @param merchantRequestId {@code MerchantRequestID} handed back
 * @param phoneNumber       {@code PhoneNumber} prompted
 * @param amountShillings   {@code Amount} asked for
 * @param callbackUrl       {@code CallBackURL} the callback goes to
 * @param accountReference  {@code AccountReference}
 * @param requestedAt       when the push arrived
 * @param resultCode        the final {@code ResultCode} (0 paid, 1032, 1037, 2001, 1, …)
 * @param resultDesc        the final {@code ResultDesc}
 * @param mpesaReceipt      the receipt for a paid push, null otherwise
 * @param resolvesAt        until then STK Query answers "being processed"; the callback, if any, is sent then
 * @param callbackSent      false for the lost-callback number (…0005): only STK Query tells
 */
public record SimulatedPush(
        String checkoutRequestId,
        String merchantRequestId,
        String phoneNumber,
        long amountShillings,
        String callbackUrl,
        String accountReference,
        Instant requestedAt,
        int resultCode,
        String resultDesc,
        String mpesaReceipt,
        Instant resolvesAt,
        boolean callbackSent) {

    /** True when the customer paid. */
    public boolean isPaid() {
        return resultCode == 0;
    }
}
