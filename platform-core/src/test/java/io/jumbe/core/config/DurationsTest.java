package io.jumbe.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEachUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(Durations.parse(" 15s ")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void refusesANumberWithoutUnit() {
        assertThatThrownBy(() -> Durations.parse("15"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'15'")
                .hasMessageContaining("90s");
    }

    @Test
    void refusesUnknownUnitsFractionsCompoundsAndNegatives() {
        for (String bad : new String[] {"5w", "1.5h", "1h30m", "-5s", "s", "5 s", "PT5S"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesEmptyAndNull() {
        assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesValuesTooLargeToRepresent() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> Durations.parse("9223372036854775807d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
    }
}
