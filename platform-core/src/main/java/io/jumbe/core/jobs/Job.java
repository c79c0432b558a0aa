package io.jumbe.core.jobs;

import java.time.Instant;

/** A claimed unit of work. {@code attempts} counts this run too; it also fences a stale worker's updates. */
public record Job(long id, String queue, String kind, String payload, String dedupeKey, int attempts,
                  int maxAttempts, Instant runAt) {
}
