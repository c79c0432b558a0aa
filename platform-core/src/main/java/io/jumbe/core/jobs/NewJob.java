package io.jumbe.core.jobs;

import java.time.Instant;

/**
 * Work to do later. A {@code dedupeKey} (the platform's own id of the thing, say) is unique across all jobs ever
 * enqueued, so enqueueing the same work twice is a no-op.
 */
public record NewJob(String queue, String kind, String payload, String dedupeKey, Instant runAt, int maxAttempts) {

    public static NewJob of(String queue, String kind, String payload) {
        return new NewJob(queue, kind, payload, null, null, 10);
    }

    public NewJob dedupedBy(String key) {
        return new NewJob(queue, kind, payload, key, runAt, maxAttempts);
    }

    public NewJob at(Instant when) {
        return new NewJob(queue, kind, payload, dedupeKey, when, maxAttempts);
    }

    public NewJob maxAttempts(int n) {
        return new NewJob(queue, kind, payload, dedupeKey, runAt, n);
    }
}
