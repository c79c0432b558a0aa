package io.jumbe.core.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The embedded default: each email becomes {@code <id>.eml} in a folder ({@code JUMBE_HOME/mail/}), which any mail
 * program opens. Written to a temporary name and moved, so a reader never sees half a file.
 */
public final class EmlFileMailer implements Mailer {
    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    public EmlFileMailer(Path folder) {
        this.folder = folder;
    }

    @Override
    public void send(Email email) throws MailFailure {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(email.id() + ".eml");
            Path partial = folder.resolve(email.id() + ".eml.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                MimeMessages.build(session, email).writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MailFailure("writing " + email.id() + ".eml under " + folder + " failed: " + e.getMessage(), false, e);
        } catch (MessagingException e) {
            throw new MailFailure("the mail could not be built: " + e.getMessage(), true, e);
        }
    }

    /** The folder the files go to. */
    public Path folder() {
        return folder;
    }

    @Override
    public String describe() {
        return ".eml files under " + folder + " (no SMTP_URL set)";
    }
}
