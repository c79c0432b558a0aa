package io.jumbe.core.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenants' API requests in progress, which background work (dispatch, delivery reports) gives way to. On a small
 * machine the API and the dispatchers share the same cores: a dispatcher that drains a backlog flat out takes the CPU
 * that tenants' calls wait for (a send's p99 went from 6 ms to 60-80 ms on two cores while the SMS queue drained). So
 * while a tenant request is in progress, or ended within the last {@link #RECENT_MILLIS} ms, each dispatch round is
 * followed by a rest of {@link #REST_PER_CPU} times the CPU time the round's thread used. The rest follows CPU time,
 * not the round's duration: a round that mostly waits on the upstream (Onfon answers in a few hundred milliseconds)
 * uses little CPU and rests little, and with no tenant requests nothing rests at all.
 */
public final class ForegroundLoad {
    /** How long after the last tenant request the API still counts as busy: paced callers leave gaps between calls. */
    public static final long RECENT_MILLIS = 20;
    /** A round's rest, per unit of the CPU time it used, while tenants are calling. */
    public static final int REST_PER_CPU = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastLeftNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    /** A tenant request started. */
    public void enter() {
        inFlight.incrementAndGet();
    }

    /** A tenant request ended (whatever its answer). */
    public void leave() {
        inFlight.decrementAndGet();
        lastLeftNanos = System.nanoTime();
    }

    /** Whether a tenant request is in progress or ended within the last {@link #RECENT_MILLIS} ms. */
    public boolean busy() {
        return inFlight.get() > 0 || System.nanoTime() - lastLeftNanos < TimeUnit.MILLISECONDS.toNanos(RECENT_MILLIS);
    }

    /** The CPU time of the calling thread so far, in nanoseconds (0 where the JVM cannot tell). */
    public static long threadCpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Rests the calling background thread (a dispatch worker, a delivery-report worker) after a round that used
     * {@code cpuNanos} of CPU, if tenants are calling.
     *
     * @return the rest, in nanoseconds (0 when the API is idle)
     */
    public long restAfterRound(long cpuNanos) throws InterruptedException {
        if (cpuNanos <= 0 || !busy()) {
            return 0;
        }
        long rest = cpuNanos * REST_PER_CPU;
        TimeUnit.NANOSECONDS.sleep(rest);
        return rest;
    }
}
