package io.jumbe.core.sms;

/**
 * A recipient left out of a send request.
 *
 * @param recipient the number as the tenant wrote it
 * @param code      {@code invalid_recipient}
 * @param reason    why, in words fit to show a tenant
 */
public record Rejection(String recipient, String code, String reason) {
    /** The rejection as an answer lists it in {@code rejected}. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("recipient", recipient);
        m.put("code", code);
        m.put("reason", reason);
        return m;
    }
}
