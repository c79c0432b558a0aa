package io.jumbe.core.contacts;

import java.time.Instant;

/**
 * A number that asked one tenant not to message it.
 *
 * @param source how it opted out: {@code api}, {@code import} or {@code reply}
 */
public record OptOut(long tenantId, String phone, String reason, String source, Instant optedOutAt) {
}
