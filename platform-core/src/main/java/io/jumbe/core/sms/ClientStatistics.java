package io.jumbe.core.sms;

import io.jumbe.core.common.Money;
import java.time.Instant;

/**
 * The account view of this month (UTC): messages that left us, delivered, failed; spend (debits less refunds);
 * top-ups (completed M-Pesa and manual credits); and the balance now.
 */
public record ClientStatistics(Instant monthStart, long sent, long delivered, long failed, Money spend,
                               Money topups, Money balance) {
}
