package io.jumbe.core.notify;

/**
 * Where emails leave the platform: an SMTP server ({@link SmtpMailer}) or, on the embedded default, {@code .eml} files
 * ({@link EmlFileMailer}). Called only from the mail job, never inside a database transaction.
 */
public interface Mailer {

    /**
     * Sends one email.
     *
     * @throws MailFailure when it was not accepted; {@link MailFailure#permanent()} says whether a retry can help
     */
    void send(Email email) throws MailFailure;

    /** A line for the start-up log saying where mail goes (never a password). */
    String describe();
}
