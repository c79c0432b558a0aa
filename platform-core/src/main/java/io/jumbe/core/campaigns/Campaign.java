package io.jumbe.core.campaigns;

import io.jumbe.core.common.Money;
import io.jumbe.core.whatsapp.TemplateRef;
import java.time.Instant;
import java.util.List;

/**
 * A campaign and its progress.
 *
 * @param channel    {@code sms} or {@code whatsapp}
 * @param sender     SMS: the sender id; null on WhatsApp
 * @param message    SMS: the text with placeholders; null on WhatsApp
 * @param status     {@code draft}, {@code scheduled}, {@code running}, {@code paused}, {@code completed},
 *                   {@code cancelled}
 * @param recipients the audience after de-duplication and opt-outs (for a draft: as it would be now)
 * @param skipped    recipients not sent to ({@code missing_field}, {@code too_long}), never charged
 * @param estimate   for a draft, what launching now would cost and any warnings; null once launched
 * @param template   WhatsApp: the template, its parameters with placeholders; null on SMS
 * @param category   WhatsApp: the template's price category ({@code marketing}, {@code utility},
 *                   {@code authentication}) as last priced; null on SMS
 */
public record Campaign(String id, long tenantId, String name, String channel, String sender, String message,
                       Audience audience, String reference, Instant scheduleAt, String status, long recipients,
                       Progress progress, Money charged, Money refunded, Estimate estimate, Instant createdAt,
                       Instant launchedAt, Instant completedAt, Instant cancelledAt, TemplateRef template,
                       String category) {

    /** Counts of the launched campaign's recipients by outcome. */
    public record Progress(long queued, long sent, long delivered, long read, long failed, long skipped,
                           long cancelled) {
        public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0);
    }

    /** A draft's price: each recipient priced by its own rendered message (SMS: its segments). */
    public record Estimate(long recipients, long skipped, Money cost, List<String> warnings) {
    }
}
