package io.jumbe.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetaSignatureTest {
    private final MetaSignature signature = new MetaSignature("app-secret");

    @Test
    void signsTheRawBytesAsHexHmacSha256WithTheSha256Prefix() {
        // printf '{"a":1}' | openssl dgst -sha256 -hmac app-secret
        assertThat(signature.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=a2ac6607a24977f9757e6d78319ae1660ad42ffeee0ee3f0dff30a92bcf85448");
    }

    @Test
    void acceptsOnlyTheSignatureOfTheseExactBytes() {
        byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(body, signature.sign(body))).isTrue();
        assertThat(signature.verify("{\"a\":1}".getBytes(StandardCharsets.UTF_8), signature.sign(body))).isFalse();
        assertThat(signature.verify(body, null)).isFalse();
        assertThat(signature.verify(body, signature.sign(body).substring(7))).isFalse();
        assertThat(new MetaSignature("other-secret").verify(body, signature.sign(body))).isFalse();
    }

    @Test
    void acceptsTheChallengeOnlyForSubscribeWithTheRightToken() {
        assertThat(MetaSignature.challengeAccepted("subscribe", "tok", "tok")).isTrue();
        assertThat(MetaSignature.challengeAccepted("subscribe", "wrong", "tok")).isFalse();
        assertThat(MetaSignature.challengeAccepted("unsubscribe", "tok", "tok")).isFalse();
        assertThat(MetaSignature.challengeAccepted("subscribe", null, "tok")).isFalse();
    }
}
