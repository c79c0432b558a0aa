package io.jumbe.sdk.campaigns;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * A campaign and its progress.
 *
 * @param campaignId    its id, {@code CMP-…}
 * @param name          its name
 * @param channel       {@code sms} or {@code whatsapp}
 * @param sender        SMS: the sender id; null on WhatsApp
 * @param message       SMS: the text with placeholders; null on WhatsApp
 * @param audience      who it goes to, as given
 * @param reference     the caller's reference, or null
 * @param scheduleAt    when it starts sending (ISO-8601), or null for at launch
 * @param status        {@code draft}, {@code scheduled}, {@code running}, {@code paused}, {@code completed} or
 *                      {@code cancelled}
 * @param recipients    the audience after de-duplication and opt-outs
 * @param queued        messages waiting to be sent
 * @param sent          messages that left
 * @param delivered     messages delivered
 * @param read          messages read (WhatsApp)
 * @param failed        messages failed or expired
 * @param skipped       recipients not sent to ({@code missing_field}, {@code too_long}), never charged
 * @param cancelled     messages cancelled before they left
 * @param charged       KES charged at launch
 * @param refunded      KES returned (cancel, failed messages)
 * @param estimatedCost a draft's price now, or null once launched
 * @param warnings      a draft's warnings (empty groups, skipped recipients…)
 * @param createdAt     when it was created (ISO-8601)
 * @param launchedAt    when it was launched, or null
 * @param completedAt   when every message reached a final state, or null
 * @param cancelledAt   when it was cancelled, or null
 * @param template      WhatsApp: the template with its parameters as written and its category; null on SMS
 */
public record Campaign(@Json(name = "campaign_id") String campaignId, String name, String channel, String sender,
                       String message, Audience audience, String reference,
                       @Json(name = "schedule_at") String scheduleAt, String status, long recipients, long queued,
                       long sent, long delivered, long read, long failed, long skipped, long cancelled,
                       BigDecimal charged, BigDecimal refunded,
                       @Json(name = "estimated_cost") BigDecimal estimatedCost, List<String> warnings,
                       @Json(name = "created_at") String createdAt, @Json(name = "launched_at") String launchedAt,
                       @Json(name = "completed_at") String completedAt,
                       @Json(name = "cancelled_at") String cancelledAt, Template template) {
    /**
     * Keeps the warnings unmodifiable and never null.
     *
     * @param campaignId    its id
     * @param name          its name
     * @param channel       the channel
     * @param sender        the sender id
     * @param message       the text
     * @param audience      the audience
     * @param reference     the reference
     * @param scheduleAt    the schedule
     * @param status        the status
     * @param recipients    recipients
     * @param queued        queued
     * @param sent          sent
     * @param delivered     delivered
     * @param read          read
     * @param failed        failed
     * @param skipped       skipped
     * @param cancelled     cancelled
     * @param charged       charged
     * @param refunded      refunded
     * @param estimatedCost the estimate
     * @param warnings      the warnings
     * @param createdAt     created
     * @param launchedAt    launched
     * @param completedAt   completed
     * @param cancelledAt   cancelled
     * @param template      the WhatsApp template
     */
    public Campaign {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Whether the campaign has finished, completed or cancelled.
     *
     * @return true when nothing more will change
     */
    public boolean isFinished() {
        return "completed".equals(status) || "cancelled".equals(status);
    }

    /**
     * A WhatsApp campaign's template.
     *
     * @param name       the template's name
     * @param language   its language code
     * @param parameters its body parameters as written, with placeholders
     * @param category   {@code marketing}, {@code utility} or {@code authentication}: what each message is priced by
     */
    public record Template(String name, String language, List<String> parameters, String category) {
        /**
         * Keeps the parameters unmodifiable and never null.
         *
         * @param name       the name
         * @param language   the language
         * @param parameters the parameters
         * @param category   the category
         */
        public Template {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    /**
     * Who a campaign goes to.
     *
     * @param groups     group names
     * @param contacts   contact ids
     * @param recipients numbers given directly
     */
    public record Audience(List<String> groups, List<String> contacts, List<String> recipients) {
        /**
         * Keeps the lists unmodifiable and never null.
         *
         * @param groups     group names
         * @param contacts   contact ids
         * @param recipients numbers
         */
        public Audience {
            groups = groups == null ? List.of() : List.copyOf(groups);
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }
}
