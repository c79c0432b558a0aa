package io.jumbe.sdk.sms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared checks and JSON bodies of the send and quote parameters. */
final class SmsBodies {
    private SmsBodies() {
    }

    static Map<String, Object> body(String recipientField, Object recipients, String message, String sender,
                                    Instant scheduleAt, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(recipientField, recipients);
        body.put("message", message);
        if (sender != null) {
            body.put("sender", sender);
        }
        if (scheduleAt != null) {
            body.put("schedule_at", scheduleAt);
        }
        if (reference != null) {
            body.put("reference", reference);
        }
        return body;
    }

    static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void checkCommon(String message, String reference) {
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("message is required");
        }
        if (reference != null && reference.length() > 64) {
            throw new IllegalArgumentException("reference must be at most 64 characters");
        }
    }
}
