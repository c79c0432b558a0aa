package io.jumbe.core.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * SMTP over Eclipse Angus Mail, configured by {@code SMTP_URL}: {@code smtp://user:pass@host:587} (STARTTLS whenever
 * the server offers it), {@code smtp://host:25} (a local relay, no credentials) or {@code smtps://user:pass@host:465}
 * (TLS from the first byte). The password is kept in this object only: {@link #describe()} and every error leave it out.
 */
public final class SmtpMailer implements Mailer {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String protocol;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Session session;

    /** @param smtpUrl the {@code SMTP_URL} */
    public SmtpMailer(String smtpUrl) {
        this(smtpUrl, new Properties());
    }

    /**
     * @param smtpUrl   the {@code SMTP_URL}
     * @param overrides extra Jakarta Mail properties (a test trusts its SMTP server's self-signed certificate here)
     */
    public SmtpMailer(String smtpUrl, Properties overrides) {
        URI uri = URI.create(smtpUrl);
        this.protocol = uri.getScheme();
        if (!"smtp".equals(protocol) && !"smtps".equals(protocol) || uri.getHost() == null) {
            throw new IllegalArgumentException("SMTP_URL must be smtp://… or smtps://… with a host");
        }
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : "smtps".equals(protocol) ? 465 : 25;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            String[] parts = userInfo.split(":", 2);
            this.user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            this.password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        } else {
            this.user = null;
            this.password = null;
        }
        Properties props = new Properties();
        String p = "mail." + protocol + ".";
        props.put(p + "host", host);
        props.put(p + "port", Integer.toString(port));
        props.put(p + "auth", Boolean.toString(user != null));
        // STARTTLS whenever the server offers it; a relay that offers none is spoken to in plain (smtp://host:25)
        props.put(p + "starttls.enable", "true");
        props.put(p + "ssl.checkserveridentity", "true");
        props.put(p + "connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        props.put(p + "timeout", Long.toString(TIMEOUT.toMillis()));
        props.put(p + "writetimeout", Long.toString(TIMEOUT.toMillis()));
        props.putAll(overrides);
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(Email email) throws MailFailure {
        MimeMessage message;
        try {
            message = MimeMessages.build(session, email);
        } catch (MessagingException e) {
            throw new MailFailure("the mail could not be built: " + e.getMessage(), true, e);
        }
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(host, port, user, password);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    /** 5xx is the server's final word; 4xx, a refused login and a lost connection may pass. */
    static MailFailure classify(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            int code = returnCode(cause);
            if (code > 0) {
                String answer = answer(cause);
                return new MailFailure("SMTP " + answer, code >= 500, e);
            }
        }
        if (e instanceof AuthenticationFailedException) {
            return new MailFailure("the SMTP server refused the login: " + e.getMessage(), false, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new MailFailure("SMTP unavailable: " + e.getMessage() + (root != e ? " (" + root + ")" : ""), false, e);
    }

    private static int returnCode(Exception e) {
        if (e instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        if (e instanceof SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        return -1;
    }

    private static String answer(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @Override
    public String describe() {
        return protocol + "://" + (user == null ? "" : user + ":***@") + host + ":" + port;
    }

    @Override
    public String toString() {
        return describe();
    }
}
