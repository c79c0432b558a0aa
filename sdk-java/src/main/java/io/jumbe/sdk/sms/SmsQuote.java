package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a send would cost, with nothing sent or charged.
 *
 * @param segments          SMS segments of the text
 * @param encoding          GSM-7 or UCS-2
 * @param characters        length of the text as the encoding counts it
 * @param recipients        how many valid recipients would be charged
 * @param costPerRecipient  KES per recipient
 * @param totalCost         KES for the whole request
 * @param balance           the wallet balance now, in KES
 * @param sufficientBalance whether the balance covers the total
 * @param rejected          recipients that would be refused
 */
public record SmsQuote(int segments, Encoding encoding, int characters, int recipients,
                       @Json(name = "cost_per_recipient") BigDecimal costPerRecipient,
                       @Json(name = "total_cost") BigDecimal totalCost, BigDecimal balance,
                       @Json(name = "sufficient_balance") boolean sufficientBalance,
                       List<RejectedRecipient> rejected) {
    /**
     * Normalises an absent list to an empty one.
     *
     * @param segments          SMS segments
     * @param encoding          the encoding
     * @param characters        the length
     * @param recipients        valid recipients
     * @param costPerRecipient  KES per recipient
     * @param totalCost         KES in total
     * @param balance           the balance now
     * @param sufficientBalance whether it covers the total
     * @param rejected          refused recipients
     */
    public SmsQuote {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }
}
