package io.jumbe.core.notify;

import java.util.List;
import java.util.Map;

/**
 * An email to queue (see {@link Notifications#enqueue}).
 *
 * @param tenantId  the tenant it concerns, or null (a sign-up applicant)
 * @param template  one of the templates of {@link Notifications}
 * @param to        the recipient
 * @param cc        copies
 * @param model     the template's values (strings); {@code support_email}, {@code docs_url} and {@code api_base_url}
 *                  are added
 * @param secret    a value shown once as {@code secret} (an API key, a link's token) (kept sealed, cleared when sent), or null
 * @param dedupeKey at most one mail is ever queued per key: {@code <event id>:<template>} for mails made from events
 */
public record MailRequest(Long tenantId, String template, String to, List<String> cc, Map<String, String> model,
                          String secret, String dedupeKey) {
    public MailRequest {
        cc = List.copyOf(cc);
        model = Map.copyOf(model);
    }
}
