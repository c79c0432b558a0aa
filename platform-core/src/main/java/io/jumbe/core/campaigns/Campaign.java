package io.jumbe.core.campaigns;

import io.jumbe.core.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * A campaign and its progress.
 *
 * @param status     {@code draft}, {@code scheduled}, {@code running}, {@code paused}, {@code completed},
 *                   {@code cancelled}
 * @param recipients the audience after de-duplication and opt-outs (for a draft: as it would be now)
 * @param skipped    recipients not sent to ({@code missing_field}, {@code too_long}), never charged
 * @param estimate   for a draft, what launching now would cost and any warnings; null once launched
 */
public record Campaign(String id, long tenantId, String name, String channel, String sender, String message,
                       Audience audience, String reference, Instant scheduleAt, String status, long recipients,
                       Progress progress, Money charged, Money refunded, Estimate estimate, Instant createdAt,
                       Instant launchedAt, Instant completedAt, Instant cancelledAt) {

    /** Counts of the launched campaign's recipients by outcome. */
    public record Progress(long queued, long sent, long delivered, long read, long failed, long skipped,
                           long cancelled) {
        public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0);
    }

    /** A draft's price: each recipient priced by its own rendered text's segments. */
    public record Estimate(long recipients, long skipped, Money cost, List<String> warnings) {
    }
}
