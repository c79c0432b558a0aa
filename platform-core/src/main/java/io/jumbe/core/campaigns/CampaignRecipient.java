package io.jumbe.core.campaigns;

import io.jumbe.core.common.Money;
import java.util.List;

/**
 * One recipient of a campaign: its rendered message and outcome.
 *
 * @param message    SMS: the rendered text; null on WhatsApp (see {@code parameters})
 * @param segments   SMS: the text's segments; 0 on WhatsApp, priced per message
 * @param status     {@code pending} (paid, not yet queued), the message's status once queued ({@code queued},
 *                   {@code sent}, {@code delivered}, {@code read}, {@code failed}, {@code expired}), {@code skipped} or
 *                   {@code cancelled}
 * @param reason     why it was skipped ({@code missing_field}, {@code too_long}) or the message's error code
 * @param parameters WhatsApp: the template's rendered body parameters, in order; null on SMS
 */
public record CampaignRecipient(int seq, String recipient, String contactId, String message, int segments, Money cost,
                                String status, String reason, String messageId, List<String> parameters) {

    public CampaignRecipient {
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    /** An SMS recipient. */
    public CampaignRecipient(int seq, String recipient, String contactId, String message, int segments, Money cost,
                             String status, String reason, String messageId) {
        this(seq, recipient, contactId, message, segments, cost, status, reason, messageId, null);
    }
}
