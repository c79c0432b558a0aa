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
}
