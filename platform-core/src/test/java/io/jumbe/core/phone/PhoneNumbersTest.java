package io.jumbe.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0712345678      | 254712345678",
            "0110345678      | 254110345678",
            "+254712345678   | 254712345678",
            "+254110345678   | 254110345678",
            "254712345678    | 254712345678",
            "254101345678    | 254101345678",
            "712345678       | 254712345678",
            "110345678       | 254110345678",
            "0712 345 678    | 254712345678",
            "0712-345-678    | 254712345678",
            "(0712) 345-678  | 254712345678",
            "+254 712 345 678| 254712345678",
            "+254 (0)712 345678 | 254712345678",
            "'  0712345678  ' | 254712345678",
    })
    void normalisesEveryAcceptedKenyanFormToTheCanonicalForm(String input, String expected) {
        assertThat(PhoneNumbers.normalize(input)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsAnEmptyNumber(String input) {
        assertThat(PhoneNumbers.parse(input)).isInstanceOf(PhoneNumbers.Invalid.class)
                .extracting(r -> ((PhoneNumbers.Invalid) r).reason()).asString().contains("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0712abc678",      // letters
            "+1 415 555 0100", // another country
            "+255712345678",   // Tanzania
            "071234567",       // one digit short
            "07123456789",     // one digit long
            "25471234567",     // 254 with 8 digits
            "2547123456789",   // 254 with 10 digits
            "0212345678",      // landline (Nairobi 020)
            "254212345678",    // landline in international form
            "812345678",       // 9 digits not starting 7 or 1
            "00254712345678",  // international dialling prefix is not accepted
            "++254712345678",
    })
    void rejectsNumbersThatAreNotKenyanMobiles(String input) {
        PhoneNumbers.Result result = PhoneNumbers.parse(input);
        assertThat(result.isValid()).isFalse();
        assertThat(((PhoneNumbers.Invalid) result).reason()).isNotBlank();
        assertThat(PhoneNumbers.normalize(input)).isEmpty();
    }

    @Test
    void keepsTheOriginalInputBesideTheCanonicalNumber() {
        assertThat(PhoneNumbers.parse("0712 345 678"))
                .isEqualTo(new PhoneNumbers.Valid("0712 345 678", "254712345678"));
    }

    @Test
    void explainsWhyAForeignNumberIsRejected() {
        assertThat(PhoneNumbers.parse("+255712345678"))
                .isEqualTo(new PhoneNumbers.Invalid("+255712345678", "only Kenyan numbers (+254) are supported"));
    }

    @Test
    void recognisesTheCanonicalFormOnly() {
        assertThat(PhoneNumbers.isCanonical("254712345678")).isTrue();
        assertThat(PhoneNumbers.isCanonical("0712345678")).isFalse();
        assertThat(PhoneNumbers.isCanonical(null)).isFalse();
    }
}
