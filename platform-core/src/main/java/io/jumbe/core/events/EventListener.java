package io.jumbe.core.events;

import org.jdbi.v3.core.Handle;

/**
 * Reacts to an event inside the transaction that records it, so whatever it writes (a webhook delivery, an email
 * job) commits or rolls back with the change itself: no event is ever delivered for a change that did not happen,
 * and none is lost for one that did. Listeners must only write rows; never call anything remote from here.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(Handle h, DomainEvent event);

    /**
     * Several events of one transaction at once ({@link EventStore#appendAllByTenant}), in their order. A listener that
     * writes rows may write them all in one batch; by default each event goes to {@link #onEvent} in turn.
     */
    default void onEvents(Handle h, java.util.List<DomainEvent> events) {
        for (DomainEvent event : events) {
            onEvent(h, event);
        }
    }
}
