package io.jumbe.sdk.messages;

import com.squareup.moshi.Json;
import io.jumbe.sdk.sms.MessageStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A message you sent, on either channel ({@code GET /messages/{id}}, {@code GET /messages}).
 *
 * @param channel  {@code sms} or {@code whatsapp}
 * @param text     WhatsApp free-form text, or null
 * @param template the WhatsApp template, or null
 * @param category the WhatsApp price category, or null
 * @param sender   the SMS sender id, or null
 * @param message  the SMS text, or null
 * @param error    why it failed, or null
 */
public record ChannelMessage(@Json(name = "message_id") String messageId, String channel, String direction,
                             @Json(name = "batch_id") String batchId, MessageStatus status, String recipient,
                             String text, Template template, String category, String sender, String message,
                             Integer segments, BigDecimal cost, boolean refunded, String reference, Error error,
                             @Json(name = "scheduled_at") Instant scheduledAt,
                             @Json(name = "created_at") Instant createdAt, @Json(name = "sent_at") Instant sentAt,
                             @Json(name = "delivered_at") Instant deliveredAt, @Json(name = "read_at") Instant readAt,
                             @Json(name = "failed_at") Instant failedAt) {

    /** A WhatsApp template as sent. */
    public record Template(String name, String language, List<String> parameters) {
    }

    /**
     * Why a message failed.
     *
     * @param code        Meta's code ({@code 131026}…), {@code whatsapp_window_closed}, or the SMS upstream's code
     * @param description in words
     */
    public record Error(String code, String description) {
    }
}
