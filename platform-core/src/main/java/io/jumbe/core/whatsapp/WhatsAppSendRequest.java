package io.jumbe.core.whatsapp;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's request to send one WhatsApp message (free-form text or a template) to one or more recipients.
 *
 * @param recipients numbers as the tenant wrote them (normalised and de-duplicated by the service)
 * @param text       free-form text (only inside the 24-hour window), or null
 * @param template   the template, or null
 * @param scheduleAt when to send, or null for now
 * @param reference  the tenant's own id, or null
 * @param single     whether the request named one {@code recipient}
 */
public record WhatsAppSendRequest(List<String> recipients, String text, TemplateRef template, Instant scheduleAt,
                                  String reference, boolean single) {
    public WhatsAppSendRequest {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Free-form text to one recipient, now. */
    public static WhatsAppSendRequest text(String recipient, String text) {
        return new WhatsAppSendRequest(List.of(recipient), text, null, null, null, true);
    }

    /** A template to one recipient, now. */
    public static WhatsAppSendRequest template(String recipient, TemplateRef template) {
        return new WhatsAppSendRequest(List.of(recipient), null, template, null, null, true);
    }
}
