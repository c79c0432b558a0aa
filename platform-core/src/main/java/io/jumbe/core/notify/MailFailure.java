package io.jumbe.core.notify;

/**
 * An email the server did not take. {@code permanent} for an SMTP 5xx answer (a retry would get the same), else
 * (4xx, no connection, a timeout) the mail is tried again after a backoff.
 */
public final class MailFailure extends Exception {
    private final boolean permanent;

    public MailFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
