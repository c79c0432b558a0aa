package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ipv4SpellingTest {

    @Test
    void readsEverySpellingTheCLibraryAccepts() {
        int loopback = 0x7F000001;
        for (String spelling : new String[] {"127.0.0.1", "2130706433", "0x7f.1", "127.1", "127.0.1", "0177.0.0.1",
                "0x7f000001", "017700000001", "0X7F.0.0.1", "127.0.0.1."}) {
            assertThat(Ipv4Spelling.parse(spelling)).as(spelling).hasValue(loopback);
        }
    }

    @Test
    void refusesOutOfRangeParts() {
        for (String bad : new String[] {"256.0.0.1", "1.2.3.4.5", "4294967296", "1.16777216", "09.1.1.1", "1..1", ""}) {
            assertThat(Ipv4Spelling.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void treatsHostsEndingInANumberAsAddresses() {
        assertThat(Ipv4Spelling.looksNumeric("2130706433")).isTrue();
        assertThat(Ipv4Spelling.looksNumeric("foo.0x10")).isTrue();
        assertThat(Ipv4Spelling.looksNumeric("hooks.example.com")).isFalse();
        assertThat(Ipv4Spelling.looksNumeric("1password.com")).isFalse();
    }

    @Test
    void onlyPlainDottedDecimalIsCanonical() {
        assertThat(Ipv4Spelling.isCanonical("93.184.216.34")).isTrue();
        assertThat(Ipv4Spelling.isCanonical("093.184.216.34")).isFalse();
        assertThat(Ipv4Spelling.isCanonical("93.184.216.34.")).isFalse();
    }
}
