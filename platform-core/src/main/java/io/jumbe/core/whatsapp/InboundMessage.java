package io.jumbe.core.whatsapp;

import java.time.Instant;

/**
 * A message a customer sent to a tenant.
 *
 * @param from       the customer's number, canonical
 * @param type       Meta's message type ({@code text}, {@code image}, …)
 * @param text       the text, or null for media
 * @param replyTo    our message id it answers, or null
 */
public record InboundMessage(String id, long tenantId, String channel, String from, String phoneNumberId,
                             String upstreamMessageId, String type, String text, String replyTo, Instant receivedAt,
                             Instant createdAt) {
}
