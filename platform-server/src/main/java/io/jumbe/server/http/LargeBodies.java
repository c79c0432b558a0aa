package io.jumbe.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Admits requests with a large body (a bulk send of thousands of recipients) a few at a time, server-wide
 * ({@code BULK_MAX_CONCURRENT}): each holds its parsed recipients and messages in the heap until it commits, and
 * eight at once did not fit the launcher's heap. Beyond the permits, and if the heap still runs out while one is
 * handled (its transaction rolls back), the answer is 503 {@code service_unavailable} with {@code Retry-After},
 * never a 500.
 */
public final class LargeBodies {
    /** Bodies from this size on (about 2,000 recipients), or of unknown size, need a permit. */
    public static final long LARGE_BYTES = 32 * 1024;
    private static final int RETRY_AFTER_SECONDS = 2;
    private final Semaphore permits;

    public LargeBodies(int maxConcurrent) {
        this.permits = new Semaphore(maxConcurrent);
    }

    public Handler admit(Handler handler) {
        return ctx -> {
            long length = ctx.contentLength();
            if (length >= 0 && length < LARGE_BYTES) {
                handle(handler, ctx);
                return;
            }
            if (!permits.tryAcquire()) {
                throw busy(ctx, "The server is handling as many large requests as it can.");
            }
            try {
                handle(handler, ctx);
            } finally {
                permits.release();
            }
        };
    }

    private static void handle(Handler handler, Context ctx) throws Exception {
        try {
            handler.handle(ctx);
        } catch (OutOfMemoryError e) {
            // the request's own allocations failed and its transaction rolled back: nothing was taken
            throw busy(ctx, "The server has no memory to spare for this request now.");
        }
    }

    private static HttpProblem busy(Context ctx, String why) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        return new HttpProblem(503, "service_unavailable", why + " Retry after " + RETRY_AFTER_SECONDS
                + " seconds.", List.of(), Map.of("retry_after", RETRY_AFTER_SECONDS));
    }
}
