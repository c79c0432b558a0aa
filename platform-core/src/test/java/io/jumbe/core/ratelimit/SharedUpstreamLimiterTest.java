package io.jumbe.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The platform's cap with an upstream, shared by instances through PostgreSQL (H2 serves one instance only). */
class SharedUpstreamLimiterTest {

    @Test
    void twoInstancesTogetherBookNoMoreThanTheCap() {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = TestDatabases.postgres().platform(clock)) {
            SharedUpstreamLimiter first = new SharedUpstreamLimiter(platform.jdbi(), clock, "onfon", 50);
            SharedUpstreamLimiter second = new SharedUpstreamLimiter(platform.jdbi(), clock, "onfon", 50);

            assertThat(first.book(25)).isEqualTo(Duration.ZERO);
            assertThat(second.book(25)).isEqualTo(Duration.ofMillis(500));
            assertThat(first.book(50)).isEqualTo(Duration.ofSeconds(1));
            clock.advance(Duration.ofMillis(1500));
            assertThat(second.book(5)).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void anIdleUpstreamBanksNoBurst() {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = TestDatabases.postgres().platform(clock)) {
            SharedUpstreamLimiter limiter = new SharedUpstreamLimiter(platform.jdbi(), clock, "onfon", 10);
            limiter.book(10);
            clock.advance(Duration.ofMinutes(5));
            assertThat(limiter.book(10)).isEqualTo(Duration.ZERO);
            assertThat(limiter.book(1)).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void eachUpstreamHasItsOwnCap() {
        TestClock clock = TestClock.ofNow();
        try (Jumbe platform = TestDatabases.postgres().platform(clock)) {
            new SharedUpstreamLimiter(platform.jdbi(), clock, "onfon", 10).book(100);
            assertThat(new SharedUpstreamLimiter(platform.jdbi(), clock, "whatsapp", 10).book(1))
                    .isEqualTo(Duration.ZERO);
            assertThat(platform.upstreamLimiter("whatsapp", 0)).isSameAs(UpstreamLimiter.NONE);
            assertThat(platform.upstreamLimiter("whatsapp", 80)).isInstanceOf(SharedUpstreamLimiter.class);
        }
    }
}
