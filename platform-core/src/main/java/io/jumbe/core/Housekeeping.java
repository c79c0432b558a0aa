package io.jumbe.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what no longer needs keeping: idempotency keys past their 24 hours, finished jobs after a week, and events
 * and finished webhook deliveries after {@code EVENT_RETENTION}. Safe on several instances at once (deletes by age).
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration DONE_JOBS_KEPT = Duration.ofDays(7);
    // Rows deleted per transaction: keeps each purge statement short however large the backlog.
    private static final int PURGE_BATCH = 1000;
    private final Jumbe platform;
    private final Duration eventRetention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "housekeeping");
        t.setDaemon(true);
        return t;
    });

    Housekeeping(Jumbe platform, Duration eventRetention) {
        this.platform = platform;
        this.eventRetention = eventRetention;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::runOnce, 1, 10, TimeUnit.MINUTES);
    }

    void runOnce() {
        try {
            int keys = platform.idempotency().purgeExpired();
            int jobs = platform.jobs().purgeDone(DONE_JOBS_KEPT);
            int events = platform.events().purgeOlderThan(eventRetention, PURGE_BATCH);
            int deliveries = platform.webhooks().purgeOlderThan(eventRetention, PURGE_BATCH);
            // a WhatsApp status held for a wamid no message took within a day was never ours
            int held = platform.whatsapp().lifecycle().purgeHeld(java.time.Duration.ofDays(1));
            if (held > 0) {
                log.info("housekeeping: dropped {} WhatsApp statuses for unknown message ids", held);
            }
            if (keys + jobs + events + deliveries > 0) {
                log.info("housekeeping: forgot {} idempotency keys, {} finished jobs, {} events and {} webhook deliveries",
                        keys, jobs, events, deliveries);
            }
        } catch (RuntimeException e) {
            log.warn("housekeeping failed; will try again", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
