package io.jumbe.core.campaigns;

import java.time.Instant;

/**
 * A new campaign.
 *
 * @param channel    {@code sms}
 * @param message    the text with placeholders
 * @param scheduleAt when a launched campaign starts sending, or null for at launch
 */
public record CampaignRequest(String name, String channel, String sender, String message, Audience audience,
                              Instant scheduleAt, String reference) {
}
