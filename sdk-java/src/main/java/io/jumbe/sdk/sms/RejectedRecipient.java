package io.jumbe.sdk.sms;

/**
 * A recipient the server refused, for example {@code invalid_recipient}; nothing was charged for it.
 *
 * @param recipient the number as given
 * @param code      the reason code
 * @param reason    the reason in words, or {@code null}
 */
public record RejectedRecipient(String recipient, String code, String reason) {
}
