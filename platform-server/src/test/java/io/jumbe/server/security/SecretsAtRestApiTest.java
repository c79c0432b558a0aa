package io.jumbe.server.security;

import static io.jumbe.server.testing.Webhooks.configure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Await;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.StandardWebhooks;
import io.jumbe.server.testing.TestApp;
import io.jumbe.server.testing.WebhookReceiver;
import io.jumbe.server.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a copy of the database gives away: no webhook secret, no secret in a stored response, no callback token. */
class SecretsAtRestApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void webhookSecretsAndTheRotateResponseAreEncryptedWhileDeliveriesStillVerify(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            String first = configure(s, receiver.url());

            Map<String, String> key = Map.of("Idempotency-Key", "rotate-1");
            Http.Response rotated = s.post("/webhooks/secret/rotate", "{}", key);
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String second = rotated.json().get("webhook_secret").asText();
            Http.Response replayed = s.post("/webhooks/secret/rotate", "{}", key);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.body()).isEqualTo(rotated.body());

            List<String> raw = app.platform().jdbi().withHandle(h -> h.createQuery("SELECT secret || ' ' || "
                    + "previous_secret FROM webhook_configs UNION ALL SELECT response_body FROM idempotency_keys")
                    .mapTo(String.class).list());
            assertThat(raw).hasSize(2).allSatisfy(v -> assertThat(v).doesNotContain("whsec_")
                    .doesNotContain(first.substring(6)).doesNotContain(second.substring(6)).contains(SecretBox.PREFIX));

            assertThat(s.post("/webhooks/test", "{}").status()).isEqualTo(200);
            Received got = receiver.next(WAIT);
            assertThat(StandardWebhooks.verify(second, got)).as("signed with the new secret").isTrue();
            assertThat(StandardWebhooks.verify(first, got)).as("and, during the overlap, the old one").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void callbackTokensAreKeptEncryptedAndTheCallbacksStillArrive(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            List<String> stored = app.platform().jdbi().withHandle(h -> h.createQuery("SELECT setting_value FROM "
                    + "settings WHERE name IN ('MPESA_CALLBACK_TOKEN', 'ONFON_DLR_TOKEN')").mapTo(String.class).list());
            assertThat(stored).hasSize(2).allSatisfy(v -> assertThat(v).startsWith(SecretBox.PREFIX));

            Sender s = app.sender("0.00");
            Http.Response r = s.post("/wallet/topup", "{\"amount\": 500, \"payment_method\": \"mpesa\", "
                    + "\"phone_number\": \"0712345678\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            String txn = r.json().get("transaction_id").asText();
            Await.until(() -> s.get("/wallet/topup/" + txn).json(), j -> "completed".equals(j.get("status").asText()));

            Http.Response sms = s.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"Hi\"}");
            assertThat(sms.status()).as(sms.body()).isEqualTo(202);
            String id = sms.json().get("message_id").asText();
            Await.until(() -> s.get("/sms/status/" + id).json(), j -> "delivered".equals(j.get("status").asText()));
        }
    }
}
