package io.jumbe.core.webhooks;

import java.util.List;

/**
 * A delivery with the body it sends and every attempt so far, oldest first.
 *
 * @param delivery the delivery
 * @param payload  the exact JSON body sent
 * @param attempts the attempt log
 */
public record DeliveryDetail(Delivery delivery, String payload, List<DeliveryAttempt> attempts) {

    /** Copies the attempt list. */
    public DeliveryDetail {
        attempts = List.copyOf(attempts);
    }
}
