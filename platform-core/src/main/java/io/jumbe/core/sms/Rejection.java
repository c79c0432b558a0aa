package io.jumbe.core.sms;

/**
 * A recipient left out of a send request.
 *
 * @param recipient the number as the tenant wrote it
 * @param code      {@code invalid_recipient}
 * @param reason    why, in words fit to show a tenant
 */
public record Rejection(String recipient, String code, String reason) {
}
