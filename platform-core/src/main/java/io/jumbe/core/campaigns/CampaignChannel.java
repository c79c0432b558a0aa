package io.jumbe.core.campaigns;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Money;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.whatsapp.TemplateRef;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a campaign's channel decides: which fields a campaign of it takes, what one recipient's message is and costs,
 * and how paid messages are queued. Everything else (audience, freezing, the one debit, feeding in parts, pause,
 * cancel, progress, completion) is {@link CampaignService}'s and the same for every channel.
 */
interface CampaignChannel {

    /** The channel's wire name: {@code sms}, {@code whatsapp}. */
    String name();

    /** Adds the errors of the channel's own fields of a new campaign (400 {@code validation_failed}). */
    void validate(CampaignRequest r, List<FieldError> errors);

    /**
     * Admits a new campaign's channel fields once they are valid: what the campaign stores.
     *
     * @throws io.jumbe.core.common.ServiceException a 4xx the channel names ({@code sender_not_allowed},
     *                                               {@code unknown_template}, …)
     */
    Content admit(Tenant tenant, CampaignRequest r);

    /**
     * Prepares to render a campaign's recipients at today's prices.
     *
     * @throws io.jumbe.core.common.ServiceException when what the campaign sends can no longer be sent (a template no
     *                                               longer approved: {@code unknown_template})
     */
    Renderer renderer(Campaign c);

    /**
     * Inserts already-paid messages with their dispatch jobs on the channel's bulk lane, in the caller's transaction.
     *
     * @param tenant     the campaign's tenant, read before the transaction
     * @param messageIds the ids of the messages, one per recipient in {@code part}
     */
    void queue(Handle h, Tenant tenant, Campaign c, List<CampaignRecipient> part, List<String> messageIds);

    /**
     * What a campaign stores of its channel.
     *
     * @param sender   SMS sender id, or null
     * @param message  SMS text, or null
     * @param template WhatsApp template, or null
     * @param category WhatsApp price category, or null
     */
    record Content(String sender, String message, TemplateRef template, String category) {
    }

    /** One recipient rendered: a message (text or parameters) with its cost, or skipped with a reason. */
    record Rendering(String text, List<String> parameters, int segments, Money cost, String skipped) {
        static Rendering skip(String reason, String text, List<String> parameters, int segments) {
            return new Rendering(text, parameters, segments, Money.ZERO, reason);
        }
    }

    /** Renders recipients of one campaign. */
    interface Renderer {
        /** The recipient's message from its fields ({@link Placeholders#render}). */
        Rendering render(Map<String, String> fields);

        /** The draft's warning for {@code count} recipients skipped with {@code reason}. */
        String skipWarning(String reason, long count);

        /** What the campaign now stores of its channel (the template's category as priced), frozen at launch. */
        Content content();
    }
}
