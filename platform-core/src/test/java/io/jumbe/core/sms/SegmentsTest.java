package io.jumbe.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentsTest {

    private static String plain(int n) {
        return "a".repeat(n);
    }

    @Test
    void fitsOneHundredSixtyPlainCharactersInOneGsmSegment() {
        assertThat(Segments.count(plain(160))).isEqualTo(new SegmentCount(SmsEncoding.GSM_7, 1, 160, 160));
    }

    @Test
    void splitsOneHundredSixtyOneCharactersIntoTwoParts() {
        assertThat(Segments.count(plain(161)).segments()).isEqualTo(2);
    }

    @Test
    void fitsThreeHundredSixCharactersInTwoPartsOfOneHundredFiftyThree() {
        assertThat(Segments.count(plain(306)).segments()).isEqualTo(2);
    }

    @Test
    void needsAThirdPartAtThreeHundredSevenCharacters() {
        assertThat(Segments.count(plain(307)).segments()).isEqualTo(3);
    }

    @Test
    void countsExtensionCharactersAsTwoSeptets() {
        // nine extension characters: { } ~ € [ ] | \ ^
        SegmentCount count = Segments.count("{price} ~ 100€ [ok] | a\\b ^");
        assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(count.characters()).isEqualTo(27);
        assertThat(count.units()).isEqualTo(27 + 9);
    }

    @Test
    void overflowsASingleSegmentWhenAnExtensionCharacterIsTheOneHundredSixtiethCharacter() {
        assertThat(Segments.count(plain(159) + "€")).isEqualTo(new SegmentCount(SmsEncoding.GSM_7, 2, 160, 161));
    }

    @Test
    void keepsAnExtensionCharacterWhollyInOneSegmentAtTheLimit() {
        assertThat(Segments.count(plain(158) + "€").segments()).isEqualTo(1);
    }

    @Test
    void neverSplitsAnEscapePairAcrossParts() {
        // 152 + 2 + 152 = 306 septets: a naive ceil(306/153) says 2, but the € cannot straddle parts 1 and 2.
        SegmentCount count = Segments.count(plain(152) + "€" + plain(152));
        assertThat(count.units()).isEqualTo(306);
        assertThat(count.segments()).isEqualTo(3);
    }

    @Test
    void sendsSwahiliTextAsGsm7() {
        SegmentCount count = Segments.count("Habari yako? Miadi yako ni kesho saa 3 asubuhi. Karibu sana!");
        assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(count.segments()).isEqualTo(1);
    }

    @Test
    void switchesToUcs2ForAnEmoji() {
        SegmentCount count = Segments.count("Asante 🙏");
        assertThat(count).isEqualTo(new SegmentCount(SmsEncoding.UCS_2, 1, 8, 9));
        assertThat(count.unicode()).isTrue();
    }

    @Test
    void fitsSeventyUtf16UnitsInOneUcs2Segment() {
        assertThat(Segments.count("ç" + plain(69)).segments()).isEqualTo(1);
        assertThat(Segments.count("ç" + plain(70)).segments()).isEqualTo(2);
    }

    @Test
    void countsUcs2PartsOfSixtySevenUnits() {
        assertThat(Segments.count("ç" + plain(133)).segments()).isEqualTo(2);
        assertThat(Segments.count("ç" + plain(134)).segments()).isEqualTo(3);
    }

    @Test
    void neverSplitsASurrogatePairAcrossParts() {
        // 66 units, then an emoji (2 units) that would straddle the 67-unit boundary, then 66 more: 134 units.
        SegmentCount count = Segments.count("ç" + plain(65) + "😀" + plain(66));
        assertThat(count.units()).isEqualTo(134);
        assertThat(count.characters()).isEqualTo(133);
        assertThat(count.segments()).isEqualTo(3);
    }

    @Test
    void makesTheWholeMixedMessageUcs2WhenOneCharacterIsOutsideGsm7() {
        SegmentCount count = Segments.count("Your code is 1234 – valid 5 min");
        assertThat(count.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(count.units()).isEqualTo(31);
        assertThat(count.segments()).isEqualTo(1);
    }

    @Test
    void countsGsmAccentedLettersAsOneSeptet() {
        SegmentCount count = Segments.count("Café à Nairobi: Ñ ü ß Ç @ £ $");
        assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(count.units()).isEqualTo(count.characters());
    }

    @Test
    void givesAnEmptyTextZeroSegments() {
        assertThat(Segments.count("")).isEqualTo(new SegmentCount(SmsEncoding.GSM_7, 0, 0, 0));
        assertThat(Segments.count(null).segments()).isZero();
    }
}
