package io.jumbe.core.sms;

import io.jumbe.core.common.Money;
import java.time.Instant;
import java.util.Map;

/**
 * Messages created in {@code [from, to)}: how many per status, their segments and what they cost net of refunds.
 */
public record SmsStatistics(Instant from, Instant to, long total, Map<MessageStatus, Long> byStatus, long segments,
                            Money cost, Money refunded) {
}
