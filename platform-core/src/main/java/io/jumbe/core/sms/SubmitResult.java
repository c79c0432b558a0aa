package io.jumbe.core.sms;

import java.util.List;
import java.util.Objects;

/** What became of one {@link SubmitBatch}. */
public sealed interface SubmitResult permits SubmitResult.Completed, SubmitResult.RequestFailed {

    /**
     * The upstream processed the request; each message has its own outcome.
     *
     * @param outcomes one per message of the batch, in the batch's order
     */
    record Completed(List<MessageOutcome> outcomes) implements SubmitResult {
        public Completed {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * The request as a whole failed; the outcome applies to every message of the batch.
     *
     * @param kind        what dispatch should do about it
     * @param code        the upstream's error code ({@code "021"}), {@code "http_503"}, {@code "timeout"},
     *                    {@code "connection_failed"} or {@code "invalid_response"}
     * @param description human-readable detail; never contains credentials
     */
    record RequestFailed(FailureKind kind, String code, String description) implements SubmitResult {
        public RequestFailed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(code, "code");
        }
    }

    /** How dispatch should treat a request-level failure. */
    enum FailureKind {
        /** Timeouts, 5xx, connection errors, Onfon 006: retry later with backoff. */
        TRANSIENT("transient"),
        /** The request can never succeed as it is (Onfon 003, 013, 015, …): fail the messages and refund. */
        PERMANENT("permanent"),
        /**
         * Onfon 021, the platform's own upstream credit is exhausted: pause dispatch and alert admins;
         * the tenants' messages stay queued.
         */
        UPSTREAM_CREDIT_EXHAUSTED("upstream_credit_exhausted"),
        /**
         * Our upstream account or credentials are refused (Onfon 007–011, HTTP 401/403): an operator problem,
         * not the tenant's. Pause and alert like {@link #UPSTREAM_CREDIT_EXHAUSTED}.
         */
        UPSTREAM_ACCESS_DENIED("upstream_access_denied");

        private final String code;

        FailureKind(String code) {
            this.code = code;
        }

        /** Stable machine name for logs, metrics and admin status. */
        public String code() {
            return code;
        }
    }
}
