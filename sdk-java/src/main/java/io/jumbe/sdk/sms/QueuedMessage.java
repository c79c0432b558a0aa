package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * One accepted recipient of a bulk send.
 *
 * @param messageId the message's id, {@code MSG-…}
 * @param recipient the normalised number
 * @param segments  SMS segments of the text
 * @param cost      what this recipient cost, in KES
 */
public record QueuedMessage(@Json(name = "message_id") String messageId, String recipient, int segments,
                            BigDecimal cost) {
}
