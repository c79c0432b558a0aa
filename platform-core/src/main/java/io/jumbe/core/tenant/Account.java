package io.jumbe.core.tenant;

import io.jumbe.core.common.Money;
import java.util.List;

/**
 * What a sender sees of its own account: its settings and the mode of the key it called with.
 *
 * @param rateLimitPerMinute the API requests its tier allows per minute
 * @param mode               {@code live} or {@code test}, after the key that asked
 */
public record Account(String name, Tier tier, int rateLimitPerMinute, Money pricePerSegment, List<String> senderIds,
                      Money lowBalanceThreshold, String mode) {
}
