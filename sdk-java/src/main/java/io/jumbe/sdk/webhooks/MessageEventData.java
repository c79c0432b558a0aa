package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import io.jumbe.sdk.messages.ChannelMessage;
import io.jumbe.sdk.sms.MessageStatus;
import java.math.BigDecimal;

/**
 * The {@code data} of {@code message.sent}, {@code message.delivered}, {@code message.read} and
 * {@code message.failed} events.
 *
 * @param messageId the message, {@code MSG-…}
 * @param channel   {@code sms} or {@code whatsapp}
 * @param reference the caller's own id given at send time
 * @param recipient the number
 * @param status    the message's status
 * @param error     why it failed (the upstream's code and its words), when it did
 * @param segments  SMS segments (null for WhatsApp)
 * @param category  the WhatsApp pricing category (null for SMS)
 * @param cost      what it cost, in KES
 * @param refunded  whether the cost was returned
 */
public record MessageEventData(@Json(name = "message_id") String messageId, String channel, String reference,
                               String recipient, MessageStatus status, ChannelMessage.Error error, Integer segments,
                               String category, BigDecimal cost, Boolean refunded) {
}
