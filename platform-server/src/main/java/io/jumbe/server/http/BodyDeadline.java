package io.jumbe.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A Jetty handler in front of the app that bounds how long a request body may take once the app starts reading it:
 * whole within {@code HTTP_BODY_TIMEOUT}, and, after a one-second grace, at no less than {@code HTTP_MIN_DATA_RATE}
 * bytes a second. A body dribbled a byte every few seconds would otherwise hold a worker thread for as long as the client
 * likes (the idle timeout restarts with every byte). Past either bound the body read fails with
 * {@link TooSlow}, which the server answers 408 {@code request_timeout}, and the connection is closed.
 */
public final class BodyDeadline extends Handler.Wrapper {
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final long timeoutNanos;
    private final long minBytesPerSecond;

    /** The failure a too-slow body read ends with. */
    public static final class TooSlow extends TimeoutException {
        TooSlow(String message) {
            super(message);
        }
    }

    public BodyDeadline(Duration timeout, long minBytesPerSecond) {
        this.timeoutNanos = timeout.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /** True when {@code e} or one of its causes is a too-slow body. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooSlow) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Timed(request), response, callback);
    }

    private final class Timed extends Request.Wrapper {
        // from the app's first read: time spent before it (authentication, a busy database) is not the client's
        private long start;
        private volatile boolean started;
        private final AtomicReference<Runnable> pendingDemand = new AtomicReference<>();
        private volatile Content.Chunk failure;
        private volatile boolean done;
        private volatile Scheduler.Task timer;
        private long bytes;

        Timed(Request wrapped) {
            super(wrapped);
        }

        private void begin() {
            if (!started) {
                start = NanoTime.now();
                started = true;
            }
        }

        @Override
        public Content.Chunk read() {
            begin();
            Content.Chunk failed = failure;
            if (failed != null) {
                return failed;
            }
            if (!done && overdue()) {
                return fail("the request body did not arrive within " + timeoutNanos / 1_000_000 + " ms");
            }
            Content.Chunk chunk = super.read();
            if (chunk == null) {
                return null;
            }
            if (chunk.isLast() || Content.Chunk.isFailure(chunk)) {
                finish();
                return chunk;
            }
            bytes += chunk.remaining();
            long elapsed = NanoTime.since(start);
            if (elapsed > GRACE_NANOS && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
                chunk.release();
                return fail("the request body arrived slower than " + minBytesPerSecond + " bytes a second");
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            begin();
            if (failure != null) {
                demandCallback.run();
                return;
            }
            if (timer == null && !done) {
                long left = Math.max(0, timeoutNanos - NanoTime.since(start));
                timer = getComponents().getScheduler().schedule(this::expire, left, TimeUnit.NANOSECONDS);
            }
            pendingDemand.set(demandCallback);
            super.demand(() -> runPending());
        }

        private boolean overdue() {
            return NanoTime.since(start) >= timeoutNanos;
        }

        // the deadline passed while the reader waited: wake it so that its next read() gets the failure
        private void expire() {
            if (!done) {
                fail("the request body did not arrive within " + timeoutNanos / 1_000_000 + " ms");
                runPending();
            }
        }

        private void runPending() {
            Runnable pending = pendingDemand.getAndSet(null);
            if (pending != null) {
                pending.run();
            }
        }

        private Content.Chunk fail(String why) {
            Content.Chunk failed = Content.Chunk.from(new TooSlow(why), true);
            failure = failed;
            finish();
            return failed;
        }

        private void finish() {
            done = true;
            Scheduler.Task t = timer;
            if (t != null) {
                t.cancel();
            }
        }
    }
}
