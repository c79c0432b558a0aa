package io.jumbe.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.common.TextRules.Kind;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void aLineRefusesEveryControlCharacterLineBreakAndBidiControl() {
        for (String bad : new String[] {"bank slip\u001b[2K", "a\rb", "a\nb", "a\tb", "a\u0000b", "a\u007fb",
                "a\u009bb", "a\u0085b", "a\u202eb", "a\u2066b", "a\u2028b", "a\ud800b"}) {
            assertThat(TextRules.problem(bad, Kind.LINE)).as(bad).isPresent();
        }
        assertThat(TextRules.problem("Bank slip 123 – Équité 👍", Kind.LINE)).isEmpty();
    }

    @Test
    void freeTextAllowsTabsAndLineBreaksButNoOtherControl() {
        assertThat(TextRules.problem("paid at\tEquity\r\nbranch 4", Kind.TEXT)).isEmpty();
        assertThat(TextRules.problem("note\u001b[2K", Kind.TEXT)).isPresent();
        assertThat(TextRules.problem("note\u202e00.005", Kind.TEXT)).isPresent();
        assertThat(TextRules.problem("note\u009d", Kind.TEXT)).isPresent();
    }

    @Test
    void aMessageBodyAllowsLineBreaksAndBidiMarksButNoC0OrC1Controls() {
        assertThat(TextRules.problem("Habari!\nKaribu\u2067مرحبا\u2069 😀", Kind.MESSAGE)).isEmpty();
        assertThat(TextRules.problem("Hi\u001b[31m", Kind.MESSAGE)).hasValueSatisfying(p -> assertThat(p).contains("U+001B"));
        assertThat(TextRules.problem("Hi\u0007", Kind.MESSAGE)).isPresent();
        assertThat(TextRules.problem("Hi\u0090", Kind.MESSAGE)).isPresent();
        assertThat(TextRules.problem("Hi\udc00", Kind.MESSAGE)).isPresent();
    }

    @Test
    void nullIsLeftToThePresenceCheck() {
        assertThat(TextRules.problem(null, Kind.LINE)).isEmpty();
    }
}
