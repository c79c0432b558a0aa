package io.jumbe.sdk.messages;

import com.squareup.moshi.Json;
import java.time.Instant;

/**
 * A message a customer sent you (a WhatsApp reply), from {@link MessagesService#inbound(MessageListParams)} or the
 * {@code message.received} webhook.
 *
 * @param from       the customer's number
 * @param type       {@code text}, or the media type
 * @param text       the text, or null for media
 * @param replyTo    the id of your message it answers, or null
 */
public record InboundMessage(@Json(name = "message_id") String messageId, String channel, String direction,
                             String from, String type, String text, @Json(name = "reply_to") String replyTo,
                             @Json(name = "received_at") Instant receivedAt) {
}
