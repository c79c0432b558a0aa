package io.jumbe.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceHeartbeatTest {
    private static final Duration EVERY = Duration.ofSeconds(2);
    private static final Duration DEAD_AFTER = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static InstanceHeartbeat instance(Jumbe platform) {
        return new InstanceHeartbeat(platform.jdbi(), platform.jobs(), platform.clock(), EVERY, DEAD_AFTER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theJobsOfAnInstanceThatStoppedBeatingAreReleasedLongBeforeTheirLease(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            JobQueue jobs = platform.jobs();
            InstanceHeartbeat dead = instance(platform);
            InstanceHeartbeat survivor = instance(platform);
            dead.beat();
            survivor.beat();
            jobs.enqueue(NewJob.of("q", "k", "{}"));
            Job claimedByDead = jobs.claim("q", 10, dead.id(), LEASE).get(0);

            clock.advance(Duration.ofSeconds(9));
            survivor.beat();
            assertThat(survivor.releaseDead()).isZero();
            assertThat(jobs.claim("q", 10, survivor.id(), LEASE)).isEmpty();

            clock.advance(Duration.ofSeconds(2));
            survivor.beat();
            assertThat(survivor.releaseDead()).isEqualTo(1);
            List<Job> taken = jobs.claim("q", 10, survivor.id(), LEASE);
            assertThat(taken).singleElement().satisfies(j -> assertThat(j.id()).isEqualTo(claimedByDead.id()));
            // the dead instance, were it only stalled, can no longer record anything for the job
            assertThat(jobs.complete(claimedByDead)).isFalse();
            assertThat(jobs.complete(taken.get(0))).isTrue();
            assertThat(survivor.liveInstances()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anInstanceThatKeepsBeatingKeepsItsClaims(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            JobQueue jobs = platform.jobs();
            InstanceHeartbeat busy = instance(platform);
            InstanceHeartbeat other = instance(platform);
            busy.beat();
            other.beat();
            jobs.enqueue(NewJob.of("q", "k", "{}"));
            assertThat(jobs.claim("q", 10, busy.id(), LEASE)).hasSize(1);
            for (int i = 0; i < 15; i++) {
                clock.advance(EVERY);
                busy.beat();
                other.beat();
                assertThat(other.releaseDead()).isZero();
            }
            assertThat(other.liveInstances()).isEqualTo(2);
            assertThat(jobs.claim("q", 10, other.id(), LEASE)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anInstanceReleasesNothingUntilItHasBeatenForTheWholeWindowItself(TestDatabase db) {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = db.platform(clock)) {
            JobQueue jobs = platform.jobs();
            InstanceHeartbeat old = instance(platform);
            old.beat();
            jobs.enqueue(NewJob.of("q", "k", "{}"));
            jobs.claim("q", 10, old.id(), LEASE);
            clock.advance(Duration.ofMinutes(1));
            // just back (after an outage, say): everybody's heartbeat looks old, its own included
            InstanceHeartbeat back = instance(platform);
            back.beat();
            assertThat(back.releaseDead()).isZero();
            clock.advance(DEAD_AFTER);
            back.beat();
            assertThat(back.releaseDead()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aStoppedInstanceReleasesWhatItHeldAndLeavesNoHeartbeatBehind(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            JobQueue jobs = platform.jobs();
            InstanceHeartbeat stopping = instance(platform);
            stopping.start(() -> { });
            jobs.enqueue(NewJob.of("q", "k", "{}"));
            assertThat(jobs.claim("q", 10, stopping.id(), LEASE)).hasSize(1);

            stopping.close();

            assertThat(jobs.claim("q", 10, "next", LEASE)).hasSize(1);
            int rows = platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM instances")
                    .mapTo(Integer.class).one());
            assertThat(rows).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void everyPlatformBuiltIsANewInstance(TestDatabase db) {
        try (Jumbe first = db.platform(); Jumbe second = db.platform()) {
            assertThat(first.instance().id()).isNotEqualTo(second.instance().id()).startsWith("instance-");
            assertThat(instance(first).id()).isNotEqualTo(first.instance().id());
        }
    }
}
