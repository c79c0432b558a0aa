package io.jumbe.sdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.sms.MessageStatus;
import io.jumbe.sdk.webhooks.WebhookVerificationException.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerificationTest {
    // the published Standard Webhooks test vector
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    private static Map<String, List<String>> headers(String id, long ts, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(ts)),
                "webhook-signature", List.of(signature));
    }

    private final Webhook webhook = new Webhook(SECRET, Webhook.DEFAULT_TOLERANCE, at(TS));

    @Test
    void signsThePublishedVectorExactly() {
        assertThat(webhook.sign(ID, TS, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsThePublishedVector() {
        assertThat(webhook.verifySignature(BODY.getBytes(StandardCharsets.UTF_8), headers(ID, TS, SIGNATURE)))
                .isEqualTo(ID);
    }

    @Test
    void saysTheVectorsBodyIsNoEventOnceItsSignatureHasPassed() {
        assertThatThrownBy(() -> webhook.verify(BODY, headers(ID, TS, SIGNATURE)))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    }

    @Test
    void rejectsTheVectorsBodyReSerialised() {
        String reserialised = "{\"test\":2432232314}";
        assertThatThrownBy(() -> webhook.verify(reserialised, headers(ID, TS, SIGNATURE)))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void parsesASignedBalanceUpdatedIntoItsTypedEvent() {
        String body = "{\"event\":\"balance.updated\",\"client_id\":2,\"timestamp\":\"2025-10-09T14:35:00Z\","
                + "\"sequence\":1842,\"data\":{\"old_balance\":1050.00,\"new_balance\":1049.00,\"amount\":1.00,"
                + "\"cause\":\"sms_charge\",\"transaction_id\":\"TXN-9\",\"currency\":\"KES\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        WebhookEvent event = webhook.verify(bytes, headers("msg_1", TS, webhook.sign("msg_1", TS, bytes)));

        assertThat(event).isInstanceOfSatisfying(WebhookEvent.BalanceUpdated.class, e -> {
            assertThat(e.id()).isEqualTo("msg_1");
            assertThat(e.clientId()).isEqualTo(2L);
            assertThat(e.sequence()).isEqualTo(1842L);
            assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-10-09T14:35:00Z"));
            assertThat(e.data().newBalance().toPlainString()).isEqualTo("1049.00");
            assertThat(e.data().cause()).isEqualTo("sms_charge");
            assertThat(e.livemode()).as("a body without livemode counts as live").isTrue();
        });
    }

    @Test
    void exposesLivemodeFalseForATestModeEvent() {
        String body = "{\"event\":\"message.delivered\",\"client_id\":2,\"timestamp\":\"2025-10-09T14:35:00Z\","
                + "\"sequence\":7,\"livemode\":false,\"data\":{\"message_id\":\"MSG-1\",\"status\":\"delivered\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        WebhookEvent event = webhook.verify(bytes, headers("msg_2", TS, webhook.sign("msg_2", TS, bytes)));

        assertThat(event).isInstanceOf(WebhookEvent.MessageDelivered.class);
        assertThat(event.livemode()).isFalse();
    }

    @Test
    void parsesEachMessageAndTopUpEventIntoItsOwnType() {
        String message = "{\"message_id\":\"MSG-1\",\"reference\":\"r\",\"recipient\":\"254712345678\","
                + "\"status\":\"failed\",\"error\":{\"code\":\"UNDELIV\",\"description\":\"Undeliverable\"},"
                + "\"channel\":\"sms\",\"segments\":1,\"cost\":1.00,\"refunded\":true}";
        String topup = "{\"transaction_id\":\"TXN-1\",\"amount\":1000.00,\"mpesa_receipt\":\"QJK1\","
                + "\"phone_number\":\"254712345678\"}";
        assertThat(signed("message.sent", message)).isInstanceOf(WebhookEvent.MessageSent.class);
        assertThat(signed("message.delivered", message)).isInstanceOf(WebhookEvent.MessageDelivered.class);
        assertThat(signed("message.failed", message)).isInstanceOfSatisfying(WebhookEvent.MessageFailed.class, e -> {
            assertThat(e.data().status()).isEqualTo(MessageStatus.FAILED);
            assertThat(e.data().refunded()).isTrue();
            assertThat(e.data().channel()).isEqualTo("sms");
            assertThat(e.data().error().code()).isEqualTo("UNDELIV");
            assertThat(e.data().error().description()).isEqualTo("Undeliverable");
        });
        assertThat(signed("topup.completed", topup)).isInstanceOfSatisfying(WebhookEvent.TopUpCompleted.class,
                e -> assertThat(e.data().amount()).isEqualTo(new BigDecimal("1000.00")));
        assertThat(signed("topup.failed", topup)).isInstanceOf(WebhookEvent.TopUpFailed.class);
        assertThat(signed("webhook.test", "{\"message\":\"hello\"}")).isInstanceOfSatisfying(
                WebhookEvent.WebhookTest.class, e -> assertThat(e.dataJson()).isEqualTo("{\"message\":\"hello\"}"));
    }

    @Test
    void keepsAnUnknownEventWithItsRawData() {
        assertThat(signed("whatsapp.read", "{\"x\":1.50}")).isInstanceOfSatisfying(WebhookEvent.Unknown.class, e -> {
            assertThat(e.type()).isEqualTo("whatsapp.read");
            assertThat(e.dataJson()).isEqualTo("{\"x\":1.50}");
        });
    }

    private WebhookEvent signed(String event, String data) {
        byte[] body = ("{\"event\":\"" + event + "\",\"client_id\":2,\"timestamp\":\"2025-10-09T14:35:00Z\","
                + "\"sequence\":1,\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
        return webhook.verify(body, headers("msg_x", TS, webhook.sign("msg_x", TS, body)));
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        byte[] body = ("{\"event\":\"webhook.test\",\"client_id\":2}").getBytes(StandardCharsets.UTF_8);
        String good = webhook.sign(ID, TS, body);
        assertThat(webhook.verify(body, headers(ID, TS, "v1,Ym9ndXM= v2,whatever " + good)))
                .isInstanceOf(WebhookEvent.WebhookTest.class);
    }

    @Test
    void matchesHeaderNamesWhateverTheirCase() {
        byte[] body = "{\"event\":\"webhook.test\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of("Webhook-Id", List.of(ID), "WEBHOOK-TIMESTAMP",
                List.of(Long.toString(TS)), "Webhook-Signature", List.of(webhook.sign(ID, TS, body)));
        assertThat(webhook.verify(body, headers)).isInstanceOf(WebhookEvent.WebhookTest.class);
    }

    @Test
    void rejectsATimestampOlderThanTheTolerance() {
        Webhook later = new Webhook(SECRET, Duration.ofMinutes(5), at(TS + 301));
        assertThatThrownBy(() -> later.verify(BODY, headers(ID, TS, SIGNATURE)))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
    }

    @Test
    void rejectsATimestampTooFarInTheFuture() {
        Webhook earlier = new Webhook(SECRET, Duration.ofMinutes(5), at(TS - 301));
        assertThatThrownBy(() -> earlier.verify(BODY, headers(ID, TS, SIGNATURE)))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_NEW));
    }

    @Test
    void acceptsATimestampJustInsideTheToleranceOnEitherSide() {
        byte[] body = "{\"event\":\"webhook.test\"}".getBytes(StandardCharsets.UTF_8);
        String sig = webhook.sign(ID, TS, body);
        assertThat(new Webhook(SECRET, Duration.ofMinutes(5), at(TS + 300)).verify(body, headers(ID, TS, sig)))
                .isNotNull();
        assertThat(new Webhook(SECRET, Duration.ofMinutes(5), at(TS - 300)).verify(body, headers(ID, TS, sig)))
                .isNotNull();
    }

    @Test
    void rejectsAMissingHeader() {
        assertThatThrownBy(() -> webhook.verify(BODY, Map.of("webhook-id", List.of(ID),
                "webhook-signature", List.of(SIGNATURE))))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER);
                    assertThat(e.getMessage()).contains("webhook-timestamp");
                });
    }

    @Test
    void rejectsAnotherSecretsSignature() {
        Webhook other = new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                Webhook.DEFAULT_TOLERANCE, at(TS));
        assertThatThrownBy(() -> other.verify(BODY, headers(ID, TS, SIGNATURE)))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void rejectsASignatureForAnotherMessageId() {
        assertThatThrownBy(() -> webhook.verify(BODY, headers("msg_other", TS, SIGNATURE)))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
