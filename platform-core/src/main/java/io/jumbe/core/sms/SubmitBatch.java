package io.jumbe.core.sms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Messages sent upstream in one request: they share a sender id and an encoding (Onfon's
 * {@code IsUnicode} is per request, and sending GSM-7 text as UCS-2 would cost more segments than the
 * tenant was charged). Use {@link #byEncoding} to split a sender's messages into valid batches.
 *
 * @param senderId the approved alphanumeric sender id
 * @param messages at least one message, all of the same encoding
 */
public record SubmitBatch(String senderId, List<OutboundSms> messages) {

    public SubmitBatch {
        Objects.requireNonNull(senderId, "senderId");
        if (senderId.isBlank()) {
            throw new IllegalArgumentException("senderId is blank");
        }
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        SmsEncoding first = Segments.count(messages.get(0).text()).encoding();
        for (OutboundSms message : messages) {
            if (Segments.count(message.text()).encoding() != first) {
                throw new IllegalArgumentException("a batch mixes GSM-7 and UCS-2 texts; split it with SubmitBatch.byEncoding");
            }
        }
    }

    /** The encoding every message of this batch uses. */
    public SmsEncoding encoding() {
        return Segments.count(messages.get(0).text()).encoding();
    }

    /**
     * Splits one sender's messages into batches of a single encoding, keeping their order.
     *
     * @param senderId the sender id all the messages share
     * @param messages messages in any mix of encodings
     * @return one batch per encoding present (GSM-7 first), none when {@code messages} is empty
     */
    public static List<SubmitBatch> byEncoding(String senderId, List<OutboundSms> messages) {
        Map<SmsEncoding, List<OutboundSms>> groups = new EnumMap<>(SmsEncoding.class);
        for (OutboundSms message : messages) {
            groups.computeIfAbsent(Segments.count(message.text()).encoding(), e -> new ArrayList<>()).add(message);
        }
        List<SubmitBatch> batches = new ArrayList<>();
        groups.values().forEach(group -> batches.add(new SubmitBatch(senderId, group)));
        return batches;
    }
}
