package io.jumbe.sdk.campaigns;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * One recipient of a campaign: its rendered message and outcome.
 *
 * @param seq       its place in the campaign (the cursor of the recipients list)
 * @param recipient the number
 * @param contactId its contact, or null for a number given directly
 * @param message   SMS: the rendered text; null on WhatsApp (see {@code parameters})
 * @param segments  SMS: the text's segments; null on WhatsApp, priced per message
 * @param cost      what it costs, in KES (0 when skipped)
 * @param status    {@code pending}, {@code queued}, {@code sent}, {@code delivered}, {@code read},
 *                  {@code failed}, {@code expired}, {@code skipped} or {@code cancelled}
 * @param reason    why it was skipped ({@code missing_field}, {@code too_long}) or the failure's code
 * @param messageId the message, once queued
 * @param parameters WhatsApp: the template's body parameters rendered for this recipient; null on SMS
 */
public record CampaignRecipient(int seq, String recipient, @Json(name = "contact_id") String contactId,
                                String message, Integer segments, BigDecimal cost, String status, String reason,
                                @Json(name = "message_id") String messageId, List<String> parameters) {
}
