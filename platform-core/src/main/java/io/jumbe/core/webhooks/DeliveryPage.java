package io.jumbe.core.webhooks;

import java.util.List;

/**
 * One page of deliveries and how many match in all.
 *
 * @param items the page
 * @param total matching deliveries on every page
 */
public record DeliveryPage(List<Delivery> items, long total) {

    /** Copies the items. */
    public DeliveryPage {
        items = List.copyOf(items);
    }
}
