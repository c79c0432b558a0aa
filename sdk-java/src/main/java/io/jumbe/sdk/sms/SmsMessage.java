package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A message as the status and history calls show it.
 *
 * @param messageId         the message's id, {@code MSG-…}
 * @param batchId           the bulk batch it belongs to, or {@code null}
 * @param status            where the message is
 * @param recipient         the normalised number
 * @param sender            the sender id used
 * @param message           the text
 * @param segments          SMS segments
 * @param encoding          GSM-7 or UCS-2
 * @param cost              what it cost, in KES
 * @param refunded          whether the cost was returned
 * @param reference         the caller's own id
 * @param upstreamMessageId the operator's id for the message, once sent
 * @param upstreamStatus    the operator's own status word, for example {@code DELIVRD}
 * @param errorCode         the operator's error code, when it failed
 * @param errorDescription  the failure in words
 * @param scheduledAt       when it is scheduled to leave, for a scheduled message
 * @param queuedAt          when it was queued
 * @param sentAt            when it was handed upstream
 * @param deliveredAt       when delivery was reported
 * @param failedAt          when failure was reported
 * @param expiredAt         when it expired without a final report
 * @param cancelledAt       when it was cancelled
 * @param createdAt         when it was accepted
 */
public record SmsMessage(@Json(name = "message_id") String messageId, @Json(name = "batch_id") String batchId,
                         MessageStatus status, String recipient, String sender, String message, int segments,
                         Encoding encoding, BigDecimal cost, boolean refunded, String reference,
                         @Json(name = "upstream_message_id") String upstreamMessageId,
                         @Json(name = "upstream_status") String upstreamStatus,
                         @Json(name = "error_code") String errorCode,
                         @Json(name = "error_description") String errorDescription,
                         @Json(name = "scheduled_at") Instant scheduledAt,
                         @Json(name = "queued_at") Instant queuedAt,
                         @Json(name = "sent_at") Instant sentAt,
                         @Json(name = "delivered_at") Instant deliveredAt,
                         @Json(name = "failed_at") Instant failedAt,
                         @Json(name = "expired_at") Instant expiredAt,
                         @Json(name = "cancelled_at") Instant cancelledAt,
                         @Json(name = "created_at") Instant createdAt) {
}
