package io.jumbe.core.sms;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's request to send one text to one or more recipients.
 *
 * @param recipients  numbers as the tenant wrote them (normalised and de-duplicated by the service)
 * @param message     the text
 * @param sender      the sender id, or null for the tenant's default
 * @param scheduleAt  when to send, or null for now; in the future and at most 30 days ahead
 * @param reference   the tenant's own id, at most 64 characters, or null
 * @param single      whether the request named one {@code recipient} (single answer shape) rather than a list
 */
public record SendRequest(List<String> recipients, String message, String sender, Instant scheduleAt,
                          String reference, boolean single) {

    public SendRequest {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A send to one recipient, now, from the default sender. */
    public static SendRequest to(String recipient, String message) {
        return new SendRequest(List.of(recipient), message, null, null, null, true);
    }

    public SendRequest from(String senderId) {
        return new SendRequest(recipients, message, senderId, scheduleAt, reference, single);
    }

    public SendRequest at(Instant when) {
        return new SendRequest(recipients, message, sender, when, reference, single);
    }

    public SendRequest withReference(String ref) {
        return new SendRequest(recipients, message, sender, scheduleAt, ref, single);
    }
}
