package io.jumbe.core.wallet;

import java.util.Map;

/**
 * Why money moves: the words and references kept on the journal entry, and the {@code cause} named in the
 * {@code balance.updated} event ({@code sms_charge}, {@code topup}, {@code manual_credit}, {@code refund}…).
 */
public record Posting(String cause, String paymentMethod, String reference, String description, String createdBy,
                      Map<String, Object> metadata) {

    public static Posting of(String cause, String description) {
        return new Posting(cause, null, null, description, null, Map.of());
    }

    public Posting withPaymentMethod(String method) {
        return new Posting(cause, method, reference, description, createdBy, metadata);
    }

    public Posting withReference(String ref) {
        return new Posting(cause, paymentMethod, ref, description, createdBy, metadata);
    }

    public Posting withCreatedBy(String who) {
        return new Posting(cause, paymentMethod, reference, description, who, metadata);
    }

    public Posting withMetadata(Map<String, Object> meta) {
        return new Posting(cause, paymentMethod, reference, description, createdBy, Map.copyOf(meta));
    }
}
