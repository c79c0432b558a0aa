package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A message as the status and history calls show it.
 *
 * @param messageId      the message's id, {@code MSG-…}
 * @param recipient      the normalised number
 * @param sender         the sender id used
 * @param message        the text, when the server includes it
 * @param status         where the message is
 * @param upstreamStatus the operator's own status word, for example {@code DELIVRD}
 * @param errorCode      the operator's error code, when it failed
 * @param segments       SMS segments
 * @param encoding       GSM-7 or UCS-2
 * @param cost           what it cost, in KES
 * @param refunded       whether the cost was returned
 * @param reference      the caller's own id
 * @param batchId        the bulk batch it belongs to
 * @param scheduledAt    when it is scheduled to leave
 * @param createdAt      when it was accepted
 * @param sentAt         when it was handed upstream
 * @param deliveredAt    when delivery was reported
 * @param failedAt       when failure was reported
 * @param updatedAt      the last change
 */
public record SmsMessage(@Json(name = "message_id") String messageId, String recipient, String sender,
                         String message, MessageStatus status,
                         @Json(name = "upstream_status") String upstreamStatus,
                         @Json(name = "error_code") String errorCode, Integer segments, Encoding encoding,
                         BigDecimal cost, Boolean refunded, String reference,
                         @Json(name = "batch_id") String batchId,
                         @Json(name = "scheduled_at") Instant scheduledAt,
                         @Json(name = "created_at") Instant createdAt,
                         @Json(name = "sent_at") Instant sentAt,
                         @Json(name = "delivered_at") Instant deliveredAt,
                         @Json(name = "failed_at") Instant failedAt,
                         @Json(name = "updated_at") Instant updatedAt) {
}
