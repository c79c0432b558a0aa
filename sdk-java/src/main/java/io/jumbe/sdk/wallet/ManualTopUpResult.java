package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The answer to a manual top-up request: pending until an admin approves or rejects it.
 *
 * @param status        {@code pending}
 * @param transactionId the request's id, {@code TXN-…}
 * @param amount        the amount, in KES
 * @param reference     the payment's reference
 * @param message       words for the caller
 */
public record ManualTopUpResult(TransactionStatus status, @Json(name = "transaction_id") String transactionId,
                                BigDecimal amount, String reference, String message) {
}
