package io.jumbe.core.sms;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks messages {@code expired} when no final delivery report came within {@code DLR_EXPIRY}, every so often. */
public final class MessageExpiry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageExpiry.class);
    private final MessageLifecycle lifecycle;
    private final Duration expiry;
    private final Duration every;
    private ScheduledExecutorService timer;

    public MessageExpiry(MessageLifecycle lifecycle, Duration expiry, Duration every) {
        this.lifecycle = lifecycle;
        this.expiry = expiry;
        this.every = every;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Expires overdue messages now; returns how many. */
    public int runOnce() {
        try {
            int total = 0;
            int n;
            do {
                n = lifecycle.expireOverdue(expiry, 1000);
                total += n;
            } while (n == 1000);
            lifecycle.purgeHeld(expiry);
            if (total > 0) {
                log.info("{} message(s) had no final delivery report after {}: expired", total, expiry);
            }
            return total;
        } catch (RuntimeException e) {
            log.warn("expiring messages failed; trying again later", e);
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
