package io.jumbe.core.sms;

import java.util.Objects;

/**
 * One message handed to an {@link SmsGateway}.
 *
 * @param messageId our own id ({@code MSG-…}), used to match outcomes back to messages
 * @param recipient canonical MSISDN ({@code 2547XXXXXXXX} / {@code 2541XXXXXXXX})
 * @param text      the message body
 */
public record OutboundSms(String messageId, String recipient, String text) {

    public OutboundSms {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
    }
}
