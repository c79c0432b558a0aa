package io.jumbe.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what no longer needs keeping: idempotency keys past their 24 hours and finished jobs after a week.
 * Safe on several instances at once (plain deletes by age).
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration DONE_JOBS_KEPT = Duration.ofDays(7);
    private final Jumbe platform;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "housekeeping");
        t.setDaemon(true);
        return t;
    });

    Housekeeping(Jumbe platform) {
        this.platform = platform;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::runOnce, 1, 10, TimeUnit.MINUTES);
    }

    void runOnce() {
        try {
            int keys = platform.idempotency().purgeExpired();
            int jobs = platform.jobs().purgeDone(DONE_JOBS_KEPT);
            if (keys + jobs > 0) {
                log.info("housekeeping: forgot {} idempotency keys and {} finished jobs", keys, jobs);
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
