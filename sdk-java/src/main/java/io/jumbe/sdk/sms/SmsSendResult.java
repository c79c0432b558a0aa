package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The answer to a single send: the message is queued and paid for.
 *
 * @param status    {@code QUEUED}; {@link MessageStatus#UNKNOWN} for a word this SDK does not know
 * @param messageId the message's id, {@code MSG-…}
 * @param recipient the normalised number, {@code 2547…}
 * @param segments  how many SMS segments the text takes
 * @param encoding  GSM-7 or UCS-2
 * @param cost      what was charged, in KES
 * @param balance   the wallet balance after the charge, in KES
 */
public record SmsSendResult(MessageStatus status, @Json(name = "message_id") String messageId, String recipient,
                            int segments, Encoding encoding, BigDecimal cost, BigDecimal balance) {
}
