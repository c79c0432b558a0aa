package io.jumbe.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One claimed batch that a worker goes through one upstream call at a time. Before each call it asks which of the
 * jobs it still holds: once a third of the lease has passed, every claim of the batch is renewed in one statement,
 * and those lost meanwhile (the lease ran out and another worker took them) are skipped, so a slow batch is never
 * sent twice.
 */
public final class HeldClaims {
    private final JobQueue jobs;
    private final Clock clock;
    private final String workerId;
    private final Duration lease;
    private final List<Job> claimed;
    private final Set<Long> lost = new HashSet<>();
    private Instant renewed;

    public HeldClaims(JobQueue jobs, Clock clock, String workerId, Duration lease, List<Job> claimed) {
        this.jobs = jobs;
        this.clock = clock;
        this.workerId = workerId;
        this.lease = lease;
        this.claimed = List.copyOf(claimed);
        this.renewed = clock.instant();
    }

    /** Whether this worker still holds {@code job}, renewing the batch's leases when due. */
    public boolean holds(Job job) {
        renewIfDue();
        return !lost.contains(job.id());
    }

    private void renewIfDue() {
        Instant now = clock.instant();
        if (Duration.between(renewed, now).compareTo(lease.dividedBy(3)) < 0) {
            return;
        }
        List<Job> open = claimed.stream().filter(j -> !lost.contains(j.id())).toList();
        lost.addAll(jobs.renew(open, workerId, lease));
        renewed = now;
    }
}
