package io.jumbe.core.jobs;

import io.jumbe.core.store.StoreErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of a channel's dispatcher: a few per lane (queue), each claiming and sending rounds in a loop.
 * An idle worker sleeps for the poll interval unless this process queues work on its lane ({@link #wake}); while the
 * database cannot be reached it pauses longer each time, up to 5 s, and says so once. {@link #close} lets the rounds
 * in hand finish while {@link #stopping()} tells them to put back what they have not sent yet.
 */
public final class DispatchLanes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispatchLanes.class);

    /** One claim-and-send round of a lane; returns how many jobs it claimed. */
    @FunctionalInterface
    public interface Round {
        int run(String lane) throws InterruptedException;
    }

    private final String channel;
    private final int workersPerLane;
    private final Duration pollInterval;
    private final Round round;
    private final BooleanSupplier paused;
    private final ForegroundLoad foreground;
    private final Map<String, Object> wakeups = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private ExecutorService workers;

    /**
     * @param channel what the log lines and thread names call it ({@code SMS}, {@code WhatsApp})
     * @param paused  whether the upstream refused us: an idle round is then followed by the poll interval's wait
     * @param foreground tenants' API requests, which a round gives way to ({@link ForegroundLoad})
     */
    public DispatchLanes(String channel, List<String> lanes, int workersPerLane, Duration pollInterval, Round round,
                         BooleanSupplier paused, ForegroundLoad foreground) {
        this.channel = channel;
        this.workersPerLane = workersPerLane;
        this.pollInterval = pollInterval;
        this.round = round;
        this.paused = paused;
        this.foreground = foreground;
        lanes.forEach(lane -> wakeups.put(lane, new Object()));
    }

    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        String threadName = channel.toLowerCase() + "-dispatch";
        workers = Executors.newFixedThreadPool(wakeups.size() * workersPerLane, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workersPerLane; i++) {
            wakeups.keySet().forEach(lane -> workers.submit(() -> loop(lane)));
        }
    }

    /** Wakes a lane's idle workers now (a send was just queued in this process). */
    public void wake(String lane) {
        Object lock = wakeups.get(lane);
        if (lock != null) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** True while {@link #close} waits for the workers: what a round has not sent yet goes back instead. */
    public boolean stopping() {
        return stopping;
    }

    private void loop(String lane) {
        Object lock = wakeups.get(lane);
        long unreachableFor = 0;
        while (running.get()) {
            try {
                long cpu = ForegroundLoad.threadCpuNanos();
                int claimed = round.run(lane);
                if (claimed > 0) {
                    foreground.restAfterRound(ForegroundLoad.threadCpuNanos() - cpu);
                }
                if (unreachableFor > 0) {
                    log.info("{} dispatch on {} runs again: the database is back", channel, lane);
                    unreachableFor = 0;
                }
                if (claimed == 0 || paused.getAsBoolean()) {
                    synchronized (lock) {
                        lock.wait(pollInterval.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                long pause = pollInterval.toMillis();
                if (StoreErrors.unreachable(e)) {
                    if (unreachableFor == 0) {
                        log.warn("{} dispatch on {} paused: the database cannot be reached ({})", channel, lane,
                                e.getMessage());
                    }
                    unreachableFor++;
                    pause = Math.min(5_000, pause * (1L << Math.min(unreachableFor, 5)));
                } else {
                    log.warn("{} dispatch on {} failed; trying again shortly", channel, lane, e);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops the workers, waiting up to 10 s for the rounds in hand. */
    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        stopping = true;
        wakeups.keySet().forEach(this::wake);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        } finally {
            stopping = false;
        }
    }
}
