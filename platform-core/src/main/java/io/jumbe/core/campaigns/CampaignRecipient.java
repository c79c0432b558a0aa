package io.jumbe.core.campaigns;

import io.jumbe.core.common.Money;

/**
 * One recipient of a campaign: its rendered message and outcome.
 *
 * @param status  {@code pending} (paid, not yet queued), the message's status once queued ({@code queued},
 *                {@code sent}, {@code delivered}, {@code read}, {@code failed}, {@code expired}), {@code skipped} or
 *                {@code cancelled}
 * @param reason  why it was skipped ({@code missing_field}, {@code too_long}) or the message's error code
 */
public record CampaignRecipient(int seq, String recipient, String contactId, String message, int segments, Money cost,
                                String status, String reason, String messageId) {
}
