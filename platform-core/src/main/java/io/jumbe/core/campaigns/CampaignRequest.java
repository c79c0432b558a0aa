package io.jumbe.core.campaigns;

import io.jumbe.core.whatsapp.TemplateRef;
import java.time.Instant;

/**
 * A new campaign.
 *
 * @param channel    {@code sms} (the default) or {@code whatsapp}
 * @param sender     SMS only: the sender id, or null for the tenant's default
 * @param message    SMS only: the text with placeholders
 * @param scheduleAt when a launched campaign starts sending, or null for at launch
 * @param template   WhatsApp only: the approved template, its parameters written with placeholders
 */
public record CampaignRequest(String name, String channel, String sender, String message, Audience audience,
                              Instant scheduleAt, String reference, TemplateRef template) {

    /** An SMS campaign (or one whose channel is checked later), with no template. */
    public CampaignRequest(String name, String channel, String sender, String message, Audience audience,
                           Instant scheduleAt, String reference) {
        this(name, channel, sender, message, audience, scheduleAt, reference, null);
    }

    /** A WhatsApp campaign of {@code template}, its parameters written with placeholders. */
    public static CampaignRequest whatsapp(String name, TemplateRef template, Audience audience, Instant scheduleAt,
                                           String reference) {
        return new CampaignRequest(name, "whatsapp", null, null, audience, scheduleAt, reference, template);
    }
}
