package io.jumbe.sdk.messages;

import com.squareup.moshi.Json;
import io.jumbe.sdk.sms.RejectedRecipient;
import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code POST /messages/send} queued and charged. One recipient fills {@code messageId}, {@code recipient} and
 * {@code cost}; several fill {@code batchId}, {@code messages}, {@code totalCost} and {@code rejected}.
 *
 * @param status    {@code queued}
 * @param channel   {@code sms} or {@code whatsapp}
 * @param category  WhatsApp price category ({@code marketing}, {@code utility}, {@code authentication},
 *                  {@code service}); null for SMS
 * @param segments  SMS segments; null for WhatsApp
 * @param balance   the balance after the charge
 */
public record MessageSendResult(String status, @Json(name = "message_id") String messageId,
                                @Json(name = "batch_id") String batchId, String channel, String recipient,
                                String category, Integer segments, BigDecimal cost,
                                @Json(name = "total_cost") BigDecimal totalCost, BigDecimal balance,
                                List<Queued> messages, List<RejectedRecipient> rejected) {

    /** One queued message of a bulk send. */
    public record Queued(@Json(name = "message_id") String messageId, String recipient, BigDecimal cost) {
    }
}
