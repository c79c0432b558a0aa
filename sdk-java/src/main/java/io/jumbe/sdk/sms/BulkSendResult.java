package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a bulk send: the accepted messages, paid for as one debit, and the refused recipients.
 *
 * @param status    {@code QUEUED}; {@link MessageStatus#UNKNOWN} for a word this SDK does not know
 * @param batchId   the batch's id
 * @param messages  one entry per accepted recipient
 * @param encoding  GSM-7 or UCS-2
 * @param totalCost what the whole request cost, in KES
 * @param balance   the wallet balance after the charge, in KES
 * @param rejected  recipients refused, with their reason
 */
public record BulkSendResult(MessageStatus status, @Json(name = "batch_id") String batchId, List<QueuedMessage> messages,
                             Encoding encoding,
                             @Json(name = "total_cost") BigDecimal totalCost,
                             BigDecimal balance, List<RejectedRecipient> rejected) {
    /**
     * Normalises absent lists to empty ones.
     *
     * @param status    {@code QUEUED}; {@link MessageStatus#UNKNOWN} for a word this SDK does not know
     * @param batchId   the batch's id
     * @param messages  the accepted messages
     * @param encoding  the encoding
     * @param totalCost the total cost
     * @param balance   the balance after the charge
     * @param rejected  the refused recipients
     */
    public BulkSendResult {
        messages = messages == null ? List.of() : List.copyOf(messages);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }
}
