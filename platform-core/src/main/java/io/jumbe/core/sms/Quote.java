package io.jumbe.core.sms;

import io.jumbe.core.common.Money;
import java.util.List;

/**
 * The price of a send request, with nothing sent or charged.
 *
 * @param segments         segments per recipient
 * @param encoding         GSM-7 or UCS-2
 * @param characters       characters in the text
 * @param recipients       valid distinct recipients
 * @param costPerRecipient segments × the tenant's price
 * @param totalCost        cost per recipient × recipients
 * @param balance          the tenant's balance now
 * @param rejected         recipients that would be left out
 */
public record Quote(int segments, SmsEncoding encoding, int characters, int recipients, Money costPerRecipient,
                    Money totalCost, Money balance, List<Rejection> rejected) {

    public boolean affordable() {
        return balance.compareTo(totalCost) >= 0;
    }
}
