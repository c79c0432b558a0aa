package io.jumbe.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final List<Long> waits = new ArrayList<>();

    /** A limiter on a fake clock whose waits advance the clock, as real sleeping would. */
    private SendRateLimiter limiter(int perSecond) {
        return new SendRateLimiter(perSecond, now::get, nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void batchesBookTheirShareOfTimeSoTheAverageNeverExceedsTheCap() throws Exception {
        SendRateLimiter limiter = limiter(50);

        limiter.acquire(100); // the first batch goes at once and books two seconds
        limiter.acquire(25); // waits those two seconds, books half a second
        limiter.acquire(1); // waits the half second

        assertThat(waits).containsExactly(2 * SECOND, SECOND / 2);
        // 126 messages released by t0 + 2.5 s: 125 fill 2.5 s at 50 a second; the 126th starts the next slot
        assertThat(now.get() - 1_000 * SECOND).isEqualTo(2 * SECOND + SECOND / 2);
    }

    @Test
    void timeThatPassedIdleIsNotSavedUpForABurst() throws Exception {
        SendRateLimiter limiter = limiter(10);
        limiter.acquire(10); // books one second
        now.addAndGet(60 * SECOND); // a quiet minute

        limiter.acquire(10);
        limiter.acquire(10);

        assertThat(waits).containsExactly(SECOND); // the quiet minute bought the first batch only, not six of them
    }

    @Test
    void zeroMeansNoCap() throws Exception {
        SendRateLimiter limiter = limiter(0);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire(1_000);
        }
        assertThat(waits).isEmpty();
    }
}
