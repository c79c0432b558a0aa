package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The answer to a top-up push: the prompt is on the phone; follow it with
 * {@link WalletService#topUpStatus(String)} or {@link WalletService#waitForTopUp(String, java.time.Duration)}.
 *
 * @param status            {@code pending}
 * @param message           words for the payer, for example "Check your phone for the M-Pesa prompt"
 * @param transactionId     the top-up's id, {@code TXN-…}
 * @param amount            the amount asked for, in KES
 * @param checkoutRequestId M-Pesa's {@code CheckoutRequestID}
 */
public record TopUpResult(TransactionStatus status, String message,
                          @Json(name = "transaction_id") String transactionId, BigDecimal amount,
                          @Json(name = "checkout_request_id") String checkoutRequestId) {
}
