package io.jumbe.core.common;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The checks every send request shares whatever its channel: its reference, when it may be scheduled, and how many
 * recipients one request may carry. One place, so SMS and WhatsApp answer the same bad input the same way.
 */
public final class SendLimits {
    public static final int MAX_RECIPIENTS = 10_000;
    public static final int MAX_REFERENCE = 64;
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);

    private SendLimits() {
    }

    /**
     * Adds to {@code errors} what is wrong with the envelope of a send.
     *
     * @param single whether the request named one {@code recipient} (else a {@code recipients} list)
     */
    public static void check(List<FieldError> errors, Instant now, String reference, Instant scheduleAt,
                             boolean single, List<String> recipients) {
        checkReferenceAndSchedule(errors, now, reference, scheduleAt);
        String field = single ? "recipient" : "recipients";
        if (recipients.isEmpty()) {
            errors.add(new FieldError(field, "at least one recipient is required"));
        } else if (recipients.size() > MAX_RECIPIENTS) {
            errors.add(new FieldError(field, "at most " + MAX_RECIPIENTS + " recipients per request"));
        }
    }

    /** Adds to {@code errors} what is wrong with a send's or a campaign's {@code reference} and {@code schedule_at}. */
    public static void checkReferenceAndSchedule(List<FieldError> errors, Instant now, String reference,
                                                 Instant scheduleAt) {
        TextRules.check(errors, "reference", reference, TextRules.Kind.LINE);
        if (reference != null && reference.length() > MAX_REFERENCE) {
            errors.add(new FieldError("reference", "is at most " + MAX_REFERENCE + " characters"));
        }
        if (scheduleAt != null) {
            if (!scheduleAt.isAfter(now)) {
                errors.add(new FieldError("schedule_at", "must be in the future"));
            } else if (scheduleAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
                errors.add(new FieldError("schedule_at", "may be at most 30 days ahead"));
            }
        }
    }
}
