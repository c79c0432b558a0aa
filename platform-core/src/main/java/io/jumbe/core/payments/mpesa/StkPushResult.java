package io.jumbe.core.payments.mpesa;

/**
 * Daraja's synchronous acknowledgement of an STK Push ({@code ResponseCode} "0"). Not a payment confirmation.
 *
 * @param merchantRequestId   {@code MerchantRequestID}
 * @param checkoutRequestId   {@code CheckoutRequestID}: the key the callback and STK Query carry
 * @param responseCode        {@code ResponseCode}, always "0" here
 * @param responseDescription {@code ResponseDescription}
 * @param customerMessage     {@code CustomerMessage}
 */
public record StkPushResult(String merchantRequestId, String checkoutRequestId, String responseCode,
        String responseDescription, String customerMessage) {
}
