package io.jumbe.core.payments.mpesa;

import java.time.Instant;

/**
 * One parsed {@code Body.stkCallback}. The payment fields come from {@code CallbackMetadata}, which Daraja
 * sends only on success; they are null when absent.
 *
 * @param merchantRequestId {@code MerchantRequestID}
 * @param checkoutRequestId {@code CheckoutRequestID}
 * @param resultCode        {@code ResultCode} (a JSON number in callbacks)
 * @param resultDesc        {@code ResultDesc}
 * @param amountCents       {@code Amount} in cents, or null
 * @param mpesaReceipt      {@code MpesaReceiptNumber}, or null
 * @param transactionDate   {@code TransactionDate} read as Africa/Nairobi time, or null
 * @param phoneNumber       {@code PhoneNumber} as digits ({@code 2547…}), or null
 */
public record StkCallback(
        String merchantRequestId,
        String checkoutRequestId,
        int resultCode,
        String resultDesc,
        Long amountCents,
        String mpesaReceipt,
        Instant transactionDate,
        String phoneNumber) {

    /** True only for ResultCode 0. Crediting also needs the receipt and the expected amount. */
    public boolean isSuccess() {
        return resultCode == 0;
    }

    /** Our status and failure words for this callback's result. */
    public DarajaResultCodes.Outcome outcome() {
        return DarajaResultCodes.describe(resultCode, resultDesc);
    }
}
