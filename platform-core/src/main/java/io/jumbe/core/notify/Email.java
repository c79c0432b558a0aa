package io.jumbe.core.notify;

import java.util.List;

/**
 * One rendered email, ready for a {@link Mailer}.
 *
 * @param id      the platform's id of the mail ({@code MAIL-…}); also the {@code .eml} file name
 * @param from    the From header ({@code MAIL_FROM})
 * @param replyTo the Reply-To header, or null
 * @param to      the recipient
 * @param cc      copies
 * @param subject the subject line
 * @param text    the plain-text part
 * @param html    the HTML part
 */
public record Email(String id, String from, String replyTo, String to, List<String> cc, String subject, String text,
                    String html) {
    public Email {
        cc = List.copyOf(cc);
    }
}
