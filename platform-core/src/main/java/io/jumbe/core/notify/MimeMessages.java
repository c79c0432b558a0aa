package io.jumbe.core.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds the MIME form of an {@link Email}: multipart/alternative, plain text first, HTML last (the preferred). */
final class MimeMessages {
    /** Carries our id, so a receiving mailbox (or a test) can tell two copies of one mail apart from two mails. */
    static final String MAIL_ID_HEADER = "X-Jumbe-Mail-Id";

    private MimeMessages() {
    }

    static MimeMessage build(Session session, Email email) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(email.from(), true));
        if (email.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(email.replyTo(), true)});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        for (String cc : email.cc()) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress(cc, true));
        }
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader(MAIL_ID_HEADER, email.id());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
