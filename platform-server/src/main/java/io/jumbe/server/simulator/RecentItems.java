package io.jumbe.server.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent items a simulator keeps for its test hooks, at most {@code capacity} of them (oldest dropped):
 * an embedded simulator runs for weeks, and an outsider must not be able to grow it until the heap is gone.
 */
public final class RecentItems<T> {
    /** What each simulator keeps by default: plenty for tests and a demo, a few megabytes at most. */
    public static final int DEFAULT_CAPACITY = 10_000;
    private final int capacity;
    private final Deque<T> items = new ArrayDeque<>();

    public RecentItems(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(T item) {
        if (items.size() == capacity) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    /** The items kept, oldest first. */
    public synchronized List<T> snapshot() {
        return List.copyOf(items);
    }
}
