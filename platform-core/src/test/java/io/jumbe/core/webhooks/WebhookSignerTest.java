package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheStandardWebhooksPublishedVector() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = WebhookSigner.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, VECTOR_BODY);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretSpaceSeparatedDuringRotation() {
        WebhookSecret published = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        WebhookSecret other = WebhookSecret.generate(new SecureRandom());

        String signatures = WebhookSigner.sign(List.of(other, published), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, VECTOR_BODY);

        assertThat(signatures.split(" ")).containsExactly(
                WebhookSigner.sign(other, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, VECTOR_BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(StandardWebhooksVerifier.verify(published.value(), "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                signatures, VECTOR_BODY)).isTrue();
        assertThat(StandardWebhooksVerifier.verify(other.value(), "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                signatures, VECTOR_BODY)).isTrue();
    }

    @Test
    void changesWhenAnyByteOfTheBodyChanges() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] altered = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, altered))
                .isNotEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void refusesToSignWithNoSecret() {
        assertThatThrownBy(() -> WebhookSigner.sign(List.of(), "msg_1", 1L, VECTOR_BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
