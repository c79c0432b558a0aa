package io.jumbe.core.whatsapp;

import io.jumbe.core.common.Money;
import io.jumbe.core.sms.Rejection;
import java.util.List;

/**
 * What a WhatsApp send queued and charged.
 *
 * @param rejected recipients left out: {@code invalid_recipient} or {@code whatsapp_window_closed}
 */
public record WhatsAppSendResult(boolean single, String batchId, List<Queued> messages, Category category,
                                 Money totalCost, Money balance, List<Rejection> rejected) {

    /** One queued message. */
    public record Queued(String messageId, String recipient, Money cost) {
    }
}
