package io.jumbe.core.webhooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the attempts one tenant has in flight in this instance, so a slow or hanging receiver can hold only its own
 * few worker threads and every other tenant's deliveries keep flowing through the rest.
 */
final class TenantSlots {
    private final int perTenant;
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    TenantSlots(int perTenant) {
        if (perTenant < 1) {
            throw new IllegalArgumentException("a tenant needs at least one slot");
        }
        this.perTenant = perTenant;
    }

    boolean tryAcquire(long tenantId) {
        AtomicInteger count = inFlight.computeIfAbsent(tenantId, t -> new AtomicInteger());
        while (true) {
            int now = count.get();
            if (now >= perTenant) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release(long tenantId) {
        inFlight.get(tenantId).decrementAndGet();
    }
}
