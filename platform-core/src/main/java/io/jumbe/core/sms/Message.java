package io.jumbe.core.sms;

import io.jumbe.core.common.Money;
import java.time.Instant;

/** One message as stored: what a tenant sees on its status and history views. */
public record Message(String id, long tenantId, String batchId, String recipient, String senderId, String text,
                     SmsEncoding encoding, int segments, Money cost, Money price, MessageStatus status,
                     String upstreamMessageId, String upstreamStatus, String errorCode, String errorDescription,
                     String reference, String lane, Instant scheduledAt, Instant queuedAt, Instant sentAt,
                     Instant deliveredAt, Instant failedAt, Instant expiredAt, Instant cancelledAt, boolean refunded,
                     Instant createdAt) {
}
