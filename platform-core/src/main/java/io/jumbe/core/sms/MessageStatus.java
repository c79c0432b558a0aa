package io.jumbe.core.sms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The life of a message as tenants see it ({@code GET /sms/status/{id}}).
 *
 * <p>Status only moves forward: {@code queued → sent → delivered | failed | expired}, and
 * {@code queued → failed | cancelled}. {@code delivered}, {@code failed} and {@code cancelled} never change.
 * {@code expired} is our own verdict after {@code DLR_EXPIRY} without a final report, not the upstream's,
 * so a final report that arrives later is the better truth: {@code expired → delivered} and
 * {@code expired → failed} are allowed (and nothing else leaves {@code expired}).
 */
public enum MessageStatus {
    /** Accepted and charged, waiting for dispatch (or for its scheduled time). */
    QUEUED,
    /** Accepted by the upstream; waiting for its delivery report. */
    SENT,
    /** The handset received it. */
    DELIVERED,
    /** Rejected by the upstream, undeliverable, or never sent after every retry. */
    FAILED,
    /** No final delivery report within {@code DLR_EXPIRY}. */
    EXPIRED,
    /** A scheduled message cancelled by the tenant before it left. */
    CANCELLED;

    /** The lower-case name used in the API and the database ({@code "queued"}). */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()}.
     *
     * @param wire e.g. {@code "delivered"}, any case
     * @return the status
     * @throws IllegalArgumentException for any other text
     */
    public static MessageStatus fromWire(String wire) {
        return valueOf(wire.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether nothing but a late final report (from {@link #EXPIRED}) can change this status. */
    public boolean isFinal() {
        return this != QUEUED && this != SENT;
    }

    /**
     * Whether a message in this status may move to {@code next}. Moving to the same status is not a move
     * (a duplicate report is a no-op).
     *
     * @param next the proposed status
     * @return true when the change goes forward
     */
    public boolean canMoveTo(MessageStatus next) {
        return switch (this) {
            case QUEUED -> next == SENT || next == FAILED || next == CANCELLED;
            case SENT -> next == DELIVERED || next == FAILED || next == EXPIRED;
            case EXPIRED -> next == DELIVERED || next == FAILED;
            case DELIVERED, FAILED, CANCELLED -> false;
        };
    }
}
