package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;
import io.jumbe.sdk.sms.MessageStatus;
import java.math.BigDecimal;

/**
 * The {@code data} of {@code message.sent}, {@code message.delivered} and {@code message.failed} events.
 *
 * @param messageId the message, {@code MSG-…}
 * @param reference the caller's own id given at send time
 * @param recipient the number
 * @param status    the message's status
 * @param error     why it failed, when it did
 * @param segments  SMS segments
 * @param cost      what it cost, in KES
 * @param refunded  whether the cost was returned
 */
public record MessageEventData(@Json(name = "message_id") String messageId, String reference, String recipient,
                               MessageStatus status, String error, Integer segments, BigDecimal cost,
                               Boolean refunded) {
}
