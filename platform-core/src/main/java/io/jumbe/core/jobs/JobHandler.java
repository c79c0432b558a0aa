package io.jumbe.core.jobs;

import org.jdbi.v3.core.Handle;

/** Runs jobs of one kind. Throwing means "try again after a backoff", until the attempts run out. */
public interface JobHandler {

    void run(Job job) throws Exception;

    /**
     * Called once when the job has failed for good (attempts exhausted or {@link PermanentFailure}), in the
     * transaction that marks the job failed: what it writes through {@code h} (a refund, say) lands together with
     * the failed state or not at all. Throwing rolls both back and the job is tried again later.
     */
    default void exhausted(Handle h, Job job, String lastError) {
    }

    /** Thrown by a handler for a failure no retry can fix. */
    final class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown by a handler to run the job again after {@code delay} without counting it as a failed attempt. */
    final class RetryLater extends RuntimeException {
        private final java.time.Duration delay;

        public RetryLater(java.time.Duration delay, String reason) {
            super(reason, null, false, false);
            this.delay = delay;
        }

        public java.time.Duration delay() {
            return delay;
        }
    }
}
