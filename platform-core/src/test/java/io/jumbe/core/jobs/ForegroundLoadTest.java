package io.jumbe.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForegroundLoadTest {

    @Test
    void backgroundWorkRestsOnlyWhileATenantRequestIsInProgressOrJustEnded() throws InterruptedException {
        ForegroundLoad load = new ForegroundLoad();
        long cpu = TimeUnit.MICROSECONDS.toNanos(300);

        assertThat(load.busy()).isFalse();
        assertThat(load.restAfterRound(cpu)).isZero();

        load.enter();
        assertThat(load.busy()).isTrue();
        assertThat(load.restAfterRound(cpu)).isEqualTo(cpu * ForegroundLoad.REST_PER_CPU);

        load.leave();
        // paced callers leave gaps between calls: the API still counts as busy just after one ends
        assertThat(load.busy()).isTrue();
        Thread.sleep(ForegroundLoad.RECENT_MILLIS * 3);
        assertThat(load.busy()).isFalse();
        assertThat(load.restAfterRound(cpu)).isZero();
    }

    @Test
    void aRoundThatUsedNoCpuDoesNotRest() throws InterruptedException {
        ForegroundLoad load = new ForegroundLoad();
        load.enter();

        assertThat(load.restAfterRound(0)).isZero();
    }

    @Test
    void theCallingThreadsCpuTimeGrowsWithWork() {
        long before = ForegroundLoad.threadCpuNanos();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Long.numberOfTrailingZeros(i ^ sum);
        }
        assertThat(sum).isNotNegative();
        assertThat(ForegroundLoad.threadCpuNanos()).isGreaterThan(before);
    }
}
