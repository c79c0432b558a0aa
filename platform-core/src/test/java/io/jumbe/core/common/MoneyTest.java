package io.jumbe.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void readsShillingsWithUpToTwoDecimals() {
        assertThat(Money.parse("1049").cents()).isEqualTo(104900);
        assertThat(Money.parse("1049.5").cents()).isEqualTo(104950);
        assertThat(Money.parse("10.500").cents()).isEqualTo(1050);
        assertThat(Money.of(new BigDecimal("1E+3")).cents()).isEqualTo(100000);
        assertThat(Money.parse("999999999999.99").cents()).isEqualTo(99999999999999L);
    }

    @Test
    void refusesAHugeExponentBySizeBeforeExpandingIt() {
        // before the size check this expanded ten million digits (seconds of CPU, megabytes of heap) and then
        // failed on longValueExact; the message shows the size rule refused it, not the conversion
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e10000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits before the decimal point");
        assertThatThrownBy(() -> Money.parse("-1E+999999999"))
                .hasMessageContaining("digits before the decimal point");
        assertThatThrownBy(() -> Money.parse("1000000000000"))
                .hasMessageContaining("digits before the decimal point");
    }

    @Test
    void refusesAHugeNegativeExponentByScale() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-10000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two decimals");
        assertThatThrownBy(() -> Money.parse("10.001")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> Money.parse("1.000000000000000000000")).hasMessageContaining("two decimals");
    }

    @Test
    void zeroWithAnyExponentIsZero() {
        assertThat(Money.of(new BigDecimal("0E+10000000")).cents()).isZero();
    }
}
