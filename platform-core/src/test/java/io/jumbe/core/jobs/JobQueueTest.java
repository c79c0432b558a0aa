package io.jumbe.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.wallet.Posting;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobQueueTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aJobClaimedByAWorkerThatDiesRunsAgainAfterItsLease(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            JobQueue jobs = platform.jobs();
            jobs.enqueue(NewJob.of("q", "k", "{}"));
            List<Job> claimedByDead = jobs.claim("q", 10, "dead-worker", Duration.ofMillis(300));
            assertThat(claimedByDead).hasSize(1);
            assertThat(jobs.claim("q", 10, "live-worker", Duration.ofSeconds(30))).isEmpty();

            clock.advance(Duration.ofMillis(301));
            List<Job> reclaimed = jobs.claim("q", 10, "live-worker", Duration.ofSeconds(30));
            assertThat(reclaimed).extracting(Job::id).containsExactly(claimedByDead.get(0).id());
            assertThat(reclaimed.get(0).attempts()).isEqualTo(2);
            assertThat(jobs.complete(claimedByDead.get(0))).as("the dead worker's late completion is fenced off").isFalse();
            assertThat(jobs.complete(reclaimed.get(0))).isTrue();
            assertThat(jobs.depth()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSlowBatchKeepsItsClaimsByRenewingThemAndSkipsTheOnesAnotherWorkerTookAfterTheirLease(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            JobQueue jobs = platform.jobs();
            platform.jdbi().useTransaction(h -> {
                for (int i = 0; i < 3; i++) {
                    jobs.enqueue(h, NewJob.of("q", "k", "{\"n\":" + i + "}"));
                }
            });
            Duration lease = Duration.ofSeconds(3);
            List<Job> batch = jobs.claim("q", 10, "slow-worker", lease);
            HeldClaims held = new HeldClaims(jobs, clock, "slow-worker", lease, batch);
            assertThat(held.holds(batch.get(0))).isTrue();
            assertThat(jobs.complete(batch.get(0))).isTrue();

            clock.advance(Duration.ofSeconds(2));
            assertThat(held.holds(batch.get(1))).as("renewed a third of the way into the lease").isTrue();
            clock.advance(Duration.ofSeconds(2));
            assertThat(jobs.claim("q", 10, "other-worker", lease))
                    .as("renewed claims are not taken though the first lease has run out").isEmpty();
            assertThat(jobs.complete(batch.get(1))).isTrue();

            // the slow worker then stalls past its renewed lease, and another worker takes the last job
            clock.advance(Duration.ofSeconds(4));
            List<Job> taken = jobs.claim("q", 10, "other-worker", lease);
            assertThat(taken).extracting(Job::id).containsExactly(batch.get(2).id());
            assertThat(held.holds(batch.get(2))).as("lost to the other worker: never sent twice").isFalse();
            assertThat(jobs.complete(taken.get(0))).isTrue();
            assertThat(jobs.depth()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void concurrentWorkersNeverClaimTheSameJob(TestDatabase db) throws Exception {
        try (Jumbe platform = db.platform()) {
            JobQueue jobs = platform.jobs();
            platform.jdbi().useTransaction(h -> {
                for (int i = 0; i < 300; i++) {
                    jobs.enqueue(h, NewJob.of("q", "k", "{\"n\":" + i + "}"));
                }
            });
            Map<Long, String> owner = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch done = new CountDownLatch(6);
            for (int w = 0; w < 6; w++) {
                String worker = "w" + w;
                pool.submit(() -> {
                    try {
                        List<Job> batch;
                        while (!(batch = jobs.claim("q", 7, worker, Duration.ofMinutes(5))).isEmpty()) {
                            for (Job j : batch) {
                                if (owner.putIfAbsent(j.id(), worker) != null) {
                                    duplicates.incrementAndGet();
                                }
                                jobs.complete(j);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            pool.shutdown();
            assertThat(duplicates.get()).isZero();
            assertThat(owner).hasSize(300);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theRunnerRetriesWithBackoffThenFailsForGoodAndSaysSoOnce(TestDatabase db) throws Exception {
        try (Jumbe platform = db.platform()) {
            AtomicInteger runs = new AtomicInteger();
            List<String> exhausted = Collections.synchronizedList(new ArrayList<>());
            JobHandler flaky = new JobHandler() {
                @Override
                public void run(Job job) {
                    runs.incrementAndGet();
                    throw new IllegalStateException("upstream down");
                }

                @Override
                public void exhausted(org.jdbi.v3.core.Handle h, Job job, String lastError) {
                    exhausted.add(lastError);
                }
            };
            platform.jobs().enqueue(NewJob.of("q", "flaky", "{}").maxAttempts(3));
            var spec = new JobRunner.QueueSpec("q", Map.of("flaky", flaky), 2, Duration.ofSeconds(30),
                    Duration.ofMillis(20), new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
            try (JobRunner runner = new JobRunner(platform.jobs(), platform.clock(), "w", List.of(spec))) {
                runner.start();
                long deadline = System.currentTimeMillis() + 10_000;
                while (exhausted.isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertThat(runs.get()).isEqualTo(3);
            assertThat(exhausted).containsExactly("upstream down");
            String status = platform.jdbi().withHandle(h -> h.createQuery("SELECT status FROM jobs").mapTo(String.class).one());
            assertThat(status).isEqualTo("failed");
        }
    }

    /** A handler that always fails and, once it has failed for good, refunds 5.00 to the tenant; or tries to. */
    private static JobHandler refundingOnFailure(Jumbe platform, long tenant, boolean refundBreaks) {
        return new JobHandler() {
            @Override
            public void run(Job job) {
                throw new IllegalStateException("upstream down");
            }

            @Override
            public void exhausted(org.jdbi.v3.core.Handle h, Job job, String lastError) {
                platform.ledger().credit(h, tenant, Money.ofCents(500), Posting.of("refund", "job " + job.id() + " failed"));
                if (refundBreaks) {
                    throw new IllegalStateException("injected failure after the refund");
                }
            }
        };
    }

    private static String jobStatus(Jumbe platform) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT status FROM jobs").mapTo(String.class).one());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theFinalFailureAndWhatItsHandlerWritesLandTogether(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Zahanati", "ops@zahanati.example", "ZAHANATI")).tenant().id();
            var spec = new JobRunner.QueueSpec("q", Map.of("k", refundingOnFailure(platform, tenant, false)), 1,
                    Duration.ofSeconds(30), Duration.ofMillis(20), new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
            platform.jobs().enqueue(NewJob.of("q", "k", "{}").maxAttempts(1));
            try (JobRunner runner = new JobRunner(platform.jobs(), platform.clock(), "w", List.of(spec))) {
                Job job = platform.jobs().claim("q", 1, "w", Duration.ofSeconds(30)).get(0);
                runner.runOne(spec, job);
            }
            assertThat(jobStatus(platform)).isEqualTo("failed");
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.ofCents(500));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aFailureInTheExhaustedHandlerLeavesNeitherTheRefundNorTheFailedState(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            long tenant = platform.tenants().create(NewTenant.of("Zahanati", "ops@zahanati.example", "ZAHANATI")).tenant().id();
            var spec = new JobRunner.QueueSpec("q", Map.of("k", refundingOnFailure(platform, tenant, true)), 1,
                    Duration.ofSeconds(30), Duration.ofMillis(20), new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5)));
            platform.jobs().enqueue(NewJob.of("q", "k", "{}").maxAttempts(1));
            try (JobRunner runner = new JobRunner(platform.jobs(), platform.clock(), "w", List.of(spec))) {
                Job job = platform.jobs().claim("q", 1, "w", Duration.ofSeconds(30)).get(0);
                runner.runOne(spec, job);
            }
            assertThat(platform.wallet().balance(tenant).balance()).as("no refund").isEqualTo(Money.ZERO);
            assertThat(jobStatus(platform)).as("not failed either: it goes back to be handled again").isEqualTo("ready");

            assertThat(platform.jobs().claim("q", 1, "w", Duration.ofSeconds(30))).as("after the backoff").isEmpty();
            clock.advance(Duration.ofSeconds(6));
            Job again = platform.jobs().claim("q", 1, "w", Duration.ofSeconds(30)).get(0);
            assertThat(again.attempts()).as("the rolled-back final failure did not count as an attempt").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aLostClaimMarksNothingFailedAndRefundsNothing(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            long tenant = platform.tenants().create(NewTenant.of("Zahanati", "ops@zahanati.example", "ZAHANATI")).tenant().id();
            var spec = new JobRunner.QueueSpec("q", Map.of("k", refundingOnFailure(platform, tenant, false)), 1,
                    Duration.ofSeconds(30), Duration.ofMillis(20), new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)));
            platform.jobs().enqueue(NewJob.of("q", "k", "{}").maxAttempts(1));
            Job stale = platform.jobs().claim("q", 1, "w1", Duration.ofSeconds(1)).get(0);
            clock.advance(Duration.ofSeconds(2));
            Job current = platform.jobs().claim("q", 1, "w2", Duration.ofSeconds(30)).get(0);
            try (JobRunner runner = new JobRunner(platform.jobs(), platform.clock(), "w1", List.of(spec))) {
                runner.runOne(spec, stale);
            }
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.ZERO);
            assertThat(jobStatus(platform)).isEqualTo("running");
            assertThat(platform.jobs().complete(current)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDedupeKeyMakesTheSecondEnqueueANoOp(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            assertThat(platform.jobs().enqueue(NewJob.of("q", "k", "{}").dedupedBy("MSG-1"))).isTrue();
            assertThat(platform.jobs().enqueue(NewJob.of("q", "k", "{}").dedupedBy("MSG-1"))).isFalse();
            assertThat(platform.jobs().depth()).containsEntry("q", 1L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void twoTransactionsEnqueueingTheSameKeyAtOnceMakeOneJobAndNeitherFails(TestDatabase db) throws Exception {
        try (Jumbe platform = db.platform()) {
            java.util.concurrent.CountDownLatch firstInserted = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch secondStarted = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<Boolean> first = pool.submit(() -> platform.jdbi().inTransaction(h -> {
                    boolean added = platform.jobs().enqueue(h, NewJob.of("q", "k", "{}").dedupedBy("MSG-7"));
                    firstInserted.countDown();
                    secondStarted.await(); // still uncommitted while the second one tries
                    Thread.sleep(200);
                    return added;
                }));
                firstInserted.await();
                boolean second = platform.jdbi().inTransaction(h -> {
                    secondStarted.countDown();
                    return platform.jobs().enqueue(h, NewJob.of("q", "k", "{}").dedupedBy("MSG-7"));
                });
                assertThat(List.of(first.get(), second)).containsExactlyInAnyOrder(true, false);
                assertThat(platform.jobs().depth()).containsEntry("q", 1L);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aJobScheduledForLaterIsNotClaimedEarly(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            platform.jobs().enqueue(NewJob.of("q", "k", "{}").at(clock.instant().plusSeconds(3600)));
            assertThat(platform.jobs().claim("q", 10, "w", Duration.ofMinutes(1))).isEmpty();
            clock.advance(Duration.ofSeconds(3600));
            assertThat(platform.jobs().claim("q", 10, "w", Duration.ofMinutes(1))).hasSize(1);
        }
    }
}
