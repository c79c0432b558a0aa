package io.jumbe.core.notify;

import java.time.Instant;
import java.util.List;

/**
 * One email in the log ({@code mail_messages}).
 *
 * @param status    {@code queued}, {@code sent} or {@code failed}
 * @param attempts  delivery attempts so far
 * @param lastError the last attempt's error (for {@code failed}, the SMTP server's answer), or null
 */
public record MailMessage(String id, Long tenantId, String template, String to, List<String> cc, String subject,
                          String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    public MailMessage {
        cc = List.copyOf(cc);
    }
}
