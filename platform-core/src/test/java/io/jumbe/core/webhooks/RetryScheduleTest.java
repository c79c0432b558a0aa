package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void defaultScheduleIsNineDelaysOverAboutADay() {
        RetrySchedule schedule = RetrySchedule.defaults();

        assertThat(schedule.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));
        assertThat(schedule.maxAttempts()).isEqualTo(10);
    }

    @Test
    void readsSpacesAndMilliseconds() {
        assertThat(RetrySchedule.parse(" 500ms , 90s,2h ").delays())
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofHours(2));
    }

    @Test
    void namesTheEntryThatDoesNotParse() {
        assertThatThrownBy(() -> RetrySchedule.parse("5s,5x,30m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageContaining("'5x'");
        assertThatThrownBy(() -> RetrySchedule.parse("5s,,30m")).hasMessageContaining("entry 2");
    }

    @Test
    void blankMeansOneAttemptAndNoRetries() {
        RetrySchedule none = RetrySchedule.parse("");

        assertThat(none.maxAttempts()).isEqualTo(1);
        assertThat(none.nextDelay(1, new Random(1))).isEmpty();
    }

    @Test
    void nextDelayFollowsTheScheduleWithinTheJitter() {
        RetrySchedule schedule = RetrySchedule.parse("10s,1h");
        Random random = new Random(42);

        for (int i = 0; i < 1000; i++) {
            assertThat(schedule.nextDelay(1, random)).get()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11)));
            assertThat(schedule.nextDelay(2, random)).get()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ofMinutes(54), Duration.ofMinutes(66)));
        }
    }

    @Test
    void jitterSpreadsDelaysApart() {
        RetrySchedule schedule = RetrySchedule.parse("1h");
        Random random = new Random(7);

        assertThat(schedule.nextDelay(1, random)).isNotEqualTo(schedule.nextDelay(1, random));
    }

    @Test
    void afterTheLastDelayTheDeliveryHasFailed() {
        RetrySchedule schedule = RetrySchedule.parse("5s,5m");

        assertThat(schedule.nextDelay(2, new Random(1))).isPresent();
        assertThat(schedule.nextDelay(3, new Random(1))).isEmpty();
    }

    @Test
    void withoutJitterDelaysAreExact() {
        RetrySchedule exact = new RetrySchedule(List.of(Duration.ofSeconds(5)), 0);

        assertThat(exact.nextDelay(1, new Random(3))).contains(Duration.ofSeconds(5));
    }

    @Test
    void attemptsAreNumberedFromOne() {
        assertThatThrownBy(() -> RetrySchedule.defaults().nextDelay(0, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
