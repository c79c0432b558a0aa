package io.jumbe.sdk.internal;

import com.squareup.moshi.Json;
import io.jumbe.sdk.sms.Encoding;
import io.jumbe.sdk.sms.MessageStatus;
import io.jumbe.sdk.sms.QueuedMessage;
import io.jumbe.sdk.sms.RejectedRecipient;
import java.math.BigDecimal;
import java.util.List;

/**
 * Every field either shape of the send answer may carry, so that a bulk request the server reduced to one
 * recipient (after removing duplicates) still reads as a bulk result.
 *
 * @param status    {@code queued}
 * @param messageId single-shape message id
 * @param recipient single-shape recipient
 * @param segments  single-shape segments
 * @param encoding  single-shape encoding
 * @param cost      single-shape cost
 * @param batchId   bulk-shape batch id
 * @param messages  bulk-shape messages
 * @param totalCost bulk-shape total
 * @param balance   balance after the charge
 * @param rejected  bulk-shape refused recipients
 */
public record SendAnswer(MessageStatus status, @Json(name = "message_id") String messageId, String recipient,
                         Integer segments, Encoding encoding, BigDecimal cost,
                         @Json(name = "batch_id") String batchId, List<QueuedMessage> messages,
                         @Json(name = "total_cost") BigDecimal totalCost, BigDecimal balance,
                         List<RejectedRecipient> rejected) {
}
