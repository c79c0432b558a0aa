package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void generatesWhsecPrefixedBase64OfThirtyTwoBytes() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.value()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
        assertThat(secret.keyBytes()).hasSize(32);
        assertThat(WebhookSecret.problemWith(secret.value())).isEmpty();
    }

    @Test
    void generatesADifferentSecretEachTime() {
        SecureRandom random = new SecureRandom();
        assertThat(WebhookSecret.generate(random).value()).isNotEqualTo(WebhookSecret.generate(random).value());
    }

    @Test
    void decodesTheKeyFromTheBase64AfterThePrefix() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(secret.keyBytes()).isEqualTo(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    @Test
    void acceptsTwentyFourToSixtyFourBytes() {
        assertThat(WebhookSecret.problemWith(secretOf(24))).isEmpty();
        assertThat(WebhookSecret.problemWith(secretOf(64))).isEmpty();
    }

    @Test
    void refusesTooShortAndTooLongKeys() {
        assertThat(WebhookSecret.problemWith(secretOf(23))).hasValueSatisfying(r -> assertThat(r).contains("24").contains("23"));
        assertThat(WebhookSecret.problemWith(secretOf(65))).hasValueSatisfying(r -> assertThat(r).contains("64").contains("65"));
    }

    @Test
    void refusesAMissingPrefix() {
        assertThat(WebhookSecret.problemWith("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .hasValueSatisfying(r -> assertThat(r).contains("whsec_"));
    }

    @Test
    void refusesUrlSafeUnpaddedOrNonBase64Text() {
        String urlSafe = "whsec_" + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff, 1}).repeat(9);
        assertThat(WebhookSecret.problemWith(urlSafe)).isPresent();
        String unpadded = "whsec_" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(WebhookSecret.problemWith(unpadded)).hasValueSatisfying(r -> assertThat(r).contains("padded base64"));
        assertThat(WebhookSecret.problemWith("whsec_not base64 at all!!!!!!!!!!!!!")).isPresent();
        assertThat(WebhookSecret.problemWith("")).isPresent();
        assertThat(WebhookSecret.problemWith(null)).isPresent();
    }

    @Test
    void parseThrowsWithTheProblemAsMessage() {
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 24 and 64 bytes");
    }

    @Test
    void neverPrintsTheSecret() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
    }

    private static String secretOf(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }
}
