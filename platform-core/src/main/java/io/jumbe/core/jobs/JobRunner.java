package io.jumbe.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the queues it was given and runs their jobs on bounded pools, one pool per queue so a slow kind of work
 * (a hanging webhook receiver) never holds up another (an SMS send). Failures are retried with {@link Backoff}
 * until the job's attempts run out.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** How one queue is worked: its handlers by kind, its concurrency, and how long a claim is held. */
    public record QueueSpec(String queue, Map<String, JobHandler> handlers, int concurrency, Duration lease,
                            Duration pollInterval, Backoff backoff) {
        public QueueSpec {
            handlers = Map.copyOf(handlers);
        }
    }

    private final JobQueue jobs;
    private final Clock clock;
    private final String workerId;
    private final List<QueueSpec> specs;
    private final java.util.function.BooleanSupplier mayWork;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Object> wakeups = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jobs-poller");
        t.setDaemon(true);
        return t;
    });

    public JobRunner(JobQueue jobs, Clock clock, String workerId, List<QueueSpec> specs) {
        this(jobs, clock, workerId, specs, () -> true);
    }

    /** @param mayWork whether this instance may claim now (its heartbeat is fresh, {@link InstanceHeartbeat#mayWork()}) */
    public JobRunner(JobQueue jobs, Clock clock, String workerId, List<QueueSpec> specs,
                     java.util.function.BooleanSupplier mayWork) {
        this.mayWork = mayWork;
        this.jobs = jobs;
        this.clock = clock;
        this.workerId = workerId;
        this.specs = List.copyOf(specs);
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (QueueSpec spec : specs) {
            wakeups.put(spec.queue(), new Object());
            ExecutorService pool = Executors.newFixedThreadPool(spec.concurrency(), r -> {
                Thread t = new Thread(r, "jobs-" + spec.queue());
                t.setDaemon(true);
                return t;
            });
            pools.put(spec.queue(), pool);
            pollers.submit(() -> poll(spec, pool));
        }
    }

    /** Wakes a queue's poller now (work was just enqueued in this instance); other instances find it by polling. */
    public void wake(String queue) {
        Object lock = wakeups.get(queue);
        if (lock != null) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Wakes every queue's poller (claims of a dead instance were released). */
    public void wakeAll() {
        wakeups.keySet().forEach(this::wake);
    }

    private void poll(QueueSpec spec, ExecutorService pool) {
        Semaphore free = new Semaphore(spec.concurrency());
        Object lock = wakeups.get(spec.queue());
        int unreachable = 0;
        while (running.get()) {
            try {
                int capacity = mayWork.getAsBoolean() ? free.availablePermits() : 0;
                List<Job> claimed = capacity == 0 ? List.of()
                        : jobs.claim(spec.queue(), capacity, workerId, spec.lease());
                unreachable = 0;
                for (Job job : claimed) {
                    free.acquire();
                    pool.submit(() -> {
                        try {
                            runOne(spec, job);
                        } finally {
                            free.release();
                        }
                    });
                }
                if (claimed.isEmpty() || claimed.size() < capacity) {
                    synchronized (lock) {
                        lock.wait(spec.pollInterval().toMillis());
                    }
                } else if (free.availablePermits() == 0) {
                    free.acquire();
                    free.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (io.jumbe.core.store.StoreErrors.unreachable(e)) {
                    // the database is down or restarting: wait, longer each time (up to 5 s), and say so once
                    if (unreachable++ == 0) {
                        log.warn("queue {} paused: the database cannot be reached ({})", spec.queue(), e.getMessage());
                    }
                    sleepQuietly(Duration.ofMillis(Math.min(5_000,
                            spec.pollInterval().toMillis() * (1L << Math.min(unreachable, 5)))));
                } else {
                    log.warn("claiming jobs of queue {} failed; trying again shortly", spec.queue(), e);
                    sleepQuietly(spec.pollInterval());
                }
            }
        }
    }

    void runOne(QueueSpec spec, Job job) {
        JobHandler handler = spec.handlers().get(job.kind());
        if (handler == null) {
            log.error("no handler for job kind {} (job {}); failing it", job.kind(), job.id());
            jobs.fail(job, "no handler for kind " + job.kind());
            return;
        }
        try {
            handler.run(job);
            jobs.complete(job);
        } catch (JobHandler.RetryLater later) {
            jobs.retry(job, clock.instant().plus(later.delay()), later.getMessage(), false);
        } catch (JobHandler.PermanentFailure permanent) {
            giveUp(spec, handler, job, permanent.getMessage());
        } catch (Exception | Error e) {
            String error = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
            if (job.attempts() >= job.maxAttempts()) {
                giveUp(spec, handler, job, error);
            } else {
                log.info("job {} ({}) attempt {}/{} failed: {}", job.id(), job.kind(), job.attempts(), job.maxAttempts(), error);
                jobs.retry(job, clock.instant().plus(spec.backoff().delayAfter(job.attempts())), error, true);
            }
        }
    }

    private void giveUp(QueueSpec spec, JobHandler handler, Job job, String error) {
        log.warn("job {} ({}) failed for good after {} attempts: {}", job.id(), job.kind(), job.attempts(), error);
        try {
            jobs.fail(job, error, h -> handler.exhausted(h, job, error));
        } catch (RuntimeException e) {
            // Nothing landed: neither the failed state nor what the handler wrote. Put the job back (this attempt
            // not counted) so its final failure is handled again after a backoff, instead of being lost.
            log.error("handling the final failure of job {} failed; it will be tried again", job.id(), e);
            jobs.retry(job, clock.instant().plus(spec.backoff().delayAfter(job.attempts())),
                    "handling the final failure failed: " + Objects.toString(e.getMessage(), e.getClass().getSimpleName()),
                    false);
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        pollers.shutdownNow();
        for (ExecutorService pool : pools.values()) {
            pool.shutdown();
        }
        for (ExecutorService pool : pools.values()) {
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
