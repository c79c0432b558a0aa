package io.jumbe.core.sms;

import io.jumbe.core.jobs.ForegroundLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies delivery reports in small batches, one transaction per batch: each caller (a request from Onfon) hands
 * its report over and waits for its outcome, while a few workers take whatever has queued meanwhile (up to
 * {@code maxBatch}) and apply it together ({@link MessageLifecycle#applyAll}). Nothing waits for a batch to fill: an
 * idle platform applies a lone report at once, a busy one commits many reports at a time. A batch that fails is
 * applied report by report, so one bad report fails only its own request.
 */
public final class DeliveryReportBatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryReportBatcher.class);

    private record Pending(DeliveryReport report, CompletableFuture<MessageLifecycle.ReportOutcome> outcome) {
    }

    private final MessageLifecycle lifecycle;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final int workerCount;
    private final ForegroundLoad foreground;
    private volatile boolean running = true;

    /** The workers start with the first report (a program that never receives reports runs none). */
    public DeliveryReportBatcher(MessageLifecycle lifecycle, int workers, int maxBatch) {
        this(lifecycle, workers, maxBatch, new ForegroundLoad());
    }

    /**
     * @param foreground tenants' API requests: while they run, a worker rests after each batch (Onfon's callers
     *                   wait a little longer for their answer; tenants' calls do not wait behind reports)
     */
    public DeliveryReportBatcher(MessageLifecycle lifecycle, int workers, int maxBatch, ForegroundLoad foreground) {
        this.lifecycle = lifecycle;
        this.workerCount = workers;
        this.maxBatch = maxBatch;
        this.foreground = foreground;
    }

    private synchronized void startWorkers() {
        if (!workers.isEmpty() || !running) {
            return;
        }
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, "dlr-batcher");
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** Applies one report with those arriving at the same time, and returns its outcome. */
    public MessageLifecycle.ReportOutcome apply(DeliveryReport report) {
        if (!running) {
            return lifecycle.apply(report);
        }
        startWorkers();
        Pending pending = new Pending(report, new CompletableFuture<>());
        queue.add(pending);
        try {
            while (true) {
                try {
                    return pending.outcome().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // closed after this report was queued and before a worker took it: apply it here
                    if (!running && queue.remove(pending)) {
                        return lifecycle.apply(report);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying a delivery report", e);
        }
    }

    private void work() {
        while (running) {
            Pending first;
            try {
                first = queue.poll(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            long cpu = ForegroundLoad.threadCpuNanos();
            applyBatch(batch);
            try {
                foreground.restAfterRound(ForegroundLoad.threadCpuNanos() - cpu);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void applyBatch(List<Pending> batch) {
        if (batch.size() > 1) {
            try {
                List<MessageLifecycle.ReportOutcome> outcomes = lifecycle.applyAll(batch.stream()
                        .map(Pending::report).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome().complete(outcomes.get(i));
                }
                return;
            } catch (RuntimeException e) {
                log.info("a batch of {} delivery reports failed ({}); applying them one by one", batch.size(),
                        e.getMessage());
            }
        }
        for (Pending p : batch) {
            try {
                p.outcome().complete(lifecycle.apply(p.report()));
            } catch (RuntimeException e) {
                p.outcome().completeExceptionally(e);
            }
        }
    }

    /** Stops the workers after the batches in hand; reports still queued are applied by their callers. */
    @Override
    public void close() {
        List<Thread> started;
        synchronized (this) {
            running = false;
            started = List.copyOf(workers);
        }
        for (Thread t : started) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
