package io.jumbe.core.wallet;

import java.time.Instant;

/** Filters of the transactions list; null fields do not filter. */
public record TransactionFilter(Instant from, Instant to, String type, String status, String search) {
    public static TransactionFilter none() {
        return new TransactionFilter(null, null, null, null, null);
    }
}
