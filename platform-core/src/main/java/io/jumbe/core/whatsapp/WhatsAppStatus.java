package io.jumbe.core.whatsapp;

import java.util.Locale;
import java.util.Optional;

/**
 * The life of a WhatsApp message: {@code queued → sent → delivered → read}, {@code sent|delivered → read} (Meta may
 * skip {@code delivered}), {@code queued|sent|delivered → failed}, {@code queued → cancelled}. Only forward.
 */
public enum WhatsAppStatus {
    QUEUED, SENT, DELIVERED, READ, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status Meta's {@code statuses[].status} names, if it is one we track. */
    public static Optional<WhatsAppStatus> fromMeta(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "sent" -> Optional.of(SENT);
            case "delivered" -> Optional.of(DELIVERED);
            case "read" -> Optional.of(READ);
            case "failed" -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }

    /** Parses a stored status; null for one WhatsApp never uses. */
    static WhatsAppStatus fromStored(String wire) {
        for (WhatsAppStatus s : values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        return null;
    }

    /** Whether a message in this status may move to {@code next}; the same status is not a move. */
    public boolean canMoveTo(WhatsAppStatus next) {
        return switch (this) {
            case QUEUED -> next == SENT || next == DELIVERED || next == READ || next == FAILED || next == CANCELLED;
            case SENT -> next == DELIVERED || next == READ || next == FAILED;
            case DELIVERED -> next == READ;
            case READ, FAILED, CANCELLED -> false;
        };
    }
}
