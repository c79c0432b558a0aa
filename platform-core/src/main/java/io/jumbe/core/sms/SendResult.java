package io.jumbe.core.sms;

import io.jumbe.core.common.Money;
import java.util.List;

/**
 * What a send request queued and charged.
 *
 * @param single    whether the request named one recipient (the API answers the single shape)
 * @param batchId   the id shared by the request's messages ({@code BAT-…})
 * @param messages  one per accepted recipient
 * @param encoding  the text's encoding
 * @param totalCost what was debited
 * @param balance   the balance after the debit
 * @param rejected  recipients left out
 */
public record SendResult(boolean single, String batchId, List<Queued> messages, SmsEncoding encoding,
                         Money totalCost, Money balance, List<Rejection> rejected) {

    /** One queued message. */
    public record Queued(String messageId, String recipient, int segments, Money cost) {
    }
}
