package io.jumbe.core.whatsapp;

import io.jumbe.core.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * A message of either channel as the cross-channel views ({@code /messages}) show it.
 *
 * @param channel            {@code sms} or {@code whatsapp}
 * @param status             the status's wire name ({@code read} only on WhatsApp, {@code expired} only on SMS)
 * @param text               the text, or null for a template
 * @param sender             the SMS sender id; null on WhatsApp
 * @param category           the WhatsApp price category; null on SMS
 * @param templateName       the template's name, or null
 * @param templateLanguage   its language, or null
 * @param templateParameters its body parameters
 * @param segments           SMS segments (1 on WhatsApp)
 * @param upstreamMessageId  Onfon's id or the {@code wamid}
 */
public record ChannelMessage(String id, long tenantId, String channel, String batchId, String recipient,
                             String status, String text, String sender, Category category, String templateName,
                             String templateLanguage, List<String> templateParameters, int segments, Money cost,
                             String reference, String upstreamMessageId, String errorCode, String errorDescription,
                             boolean refunded, String phoneNumberId, Instant scheduledAt, Instant queuedAt,
                             Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt,
                             Instant cancelledAt, Instant createdAt) {

    public boolean isWhatsApp() {
        return "whatsapp".equals(channel);
    }
}
