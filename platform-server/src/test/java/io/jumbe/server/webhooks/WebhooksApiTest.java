package io.jumbe.server.webhooks;

import static io.jumbe.server.testing.Webhooks.configure;
import static io.jumbe.server.testing.Webhooks.credit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Eventually;
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

class WebhooksApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aGeneratedSecretIsShownOnceAndNeverAgain(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            var put = s.put("/webhooks/config", "{\"webhook_url\":\"" + receiver.url() + "\","
                    + "\"events\":[\"balance.updated\",\"message.delivered\"]}");
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().get("webhook_secret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=");
            assertThat(put.json().get("events")).extracting(JsonNode::asText)
                    .containsExactly("balance.updated", "message.delivered");

            var get = s.get("/webhooks/config");
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.json().get("webhook_url").asText()).isEqualTo(receiver.url());
            assertThat(get.json().get("enabled").asBoolean()).isTrue();
            assertThat(get.body()).doesNotContain("whsec_");

            var again = s.put("/webhooks/config", "{\"webhook_url\":\"" + receiver.url() + "/v2\"}");
            assertThat(again.json().has("webhook_secret")).as("the kept secret is not shown again").isFalse();
            assertThat(again.json().get("events")).hasSize(io.jumbe.core.events.EventTypes.ALL.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRetriedConfigurationOrRotationWithTheSameKeyGetsTheSameOneTimeSecret(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            String body = "{\"webhook_url\":\"" + receiver.url() + "\"}";
            Map<String, String> put = Map.of("X-API-Key", s.apiKey(), "Content-Type", "application/json",
                    "Idempotency-Key", "hooks-1");
            var first = s.http().send("PUT", s.path("/webhooks/config"), body, put);
            var retried = s.http().send("PUT", s.path("/webhooks/config"), body, put);
            assertThat(first.status()).isEqualTo(200);
            assertThat(retried.body()).isEqualTo(first.body());
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.json().get("webhook_secret").asText()).startsWith("whsec_");

            var rotated = s.post("/webhooks/secret/rotate", "", Map.of("Idempotency-Key", "rotate-1"));
            var rotatedAgain = s.post("/webhooks/secret/rotate", "", Map.of("Idempotency-Key", "rotate-1"));
            assertThat(rotatedAgain.json().get("webhook_secret").asText())
                    .isEqualTo(rotated.json().get("webhook_secret").asText());
            // the secret that signs is the one the tenant was shown (kept encrypted at rest)
            String signing = app.platform().jdbi().withHandle(h -> h.createQuery(
                    "SELECT secret FROM webhook_configs WHERE tenant_id = :t").bind("t", s.clientId())
                    .mapTo(String.class).one());
            assertThat(SecretBox.load(app.application().config()).open(signing))
                    .isEqualTo(rotated.json().get("webhook_secret").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTenantsOwnSecretMustBeWhsecAndBase64OfTwentyFourToSixtyFourBytes(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            var tooShort = s.put("/webhooks/config", "{\"webhook_url\":\"" + receiver.url()
                    + "\",\"webhook_secret\":\"whsec_c2hvcnQ=\"}");
            assertThat(tooShort.status()).isEqualTo(400);
            assertThat(tooShort.json().get("code").asText()).isEqualTo("validation_failed");
            assertThat(tooShort.json().get("errors").get(0).get("field").asText()).isEqualTo("webhook_secret");

            String own = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            var ok = s.put("/webhooks/config", "{\"webhook_url\":\"" + receiver.url() + "\",\"webhook_secret\":\"" + own + "\"}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().has("webhook_secret")).isFalse();
            credit(app, s, "1.00");
            assertThat(StandardWebhooks.verify(own, receiver.next(WAIT))).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void unknownEventNamesAreRejected(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            var r = s.put("/webhooks/config", "{\"webhook_url\":\"https://crm.example.org/hooks\","
                    + "\"events\":[\"balance.updated\",\"balance.changed\"]}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("events[1]");
            assertThat(s.get("/webhooks/config").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void privateLoopbackAndMetadataAddressesAreRefusedInEverySpelling(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "false"))) {
            Sender s = app.sender("10.00");
            for (String host : List.of("127.0.0.1", "2130706433", "0x7f.1", "[::1]", "[::ffff:127.0.0.1]",
                    "169.254.169.254", "10.0.0.5", "100.64.0.1", "192.168.1.1", "localhost")) {
                var r = s.put("/webhooks/config", "{\"webhook_url\":\"http://" + host + "/hooks\"}");
                assertThat(r.status()).as(host).isEqualTo(400);
                assertThat(r.json().get("code").asText()).as(host).isEqualTo("webhook_url_not_allowed");
            }
            var ftp = s.put("/webhooks/config", "{\"webhook_url\":\"ftp://crm.example.org/hooks\"}");
            assertThat(ftp.json().get("code").asText()).isEqualTo("webhook_url_not_allowed");
            assertThat(s.get("/webhooks/config").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void deleteTurnsWebhooksOff(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());
            var deleted = s.delete("/webhooks/config");
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(s.get("/webhooks/config").json().get("enabled").asBoolean()).isFalse();

            credit(app, s, "1.00");

            assertThat(s.get("/webhooks/deliveries").json().at("/meta/total").asInt()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theTestEndpointSendsAWebhookTestEventAndReportsStatusAndLatency(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start().answering(r -> 202)) {
            Sender s = app.sender("10.00");
            String secret = configure(s, receiver.url());

            var r = s.post("/webhooks/test", "{}");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("http_status").asInt()).isEqualTo(202);
            assertThat(r.json().get("success").asBoolean()).isTrue();
            assertThat(r.json().get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(r.json().get("response_body").asText()).isEqualTo("ok");
            Received got = receiver.next(WAIT);
            assertThat(got.event()).isEqualTo("webhook.test");
            assertThat(got.webhookId()).isEqualTo(r.json().get("webhook_id").asText());
            assertThat(got.json().get("client_id").asLong()).isEqualTo(s.clientId());
            assertThat(StandardWebhooks.verify(secret, got)).isTrue();
            var logged = s.get("/webhooks/deliveries/" + r.json().get("delivery_id").asText()).json();
            assertThat(logged.get("status").asText()).isEqualTo("succeeded");
            assertThat(logged.get("event").asText()).isEqualTo("webhook.test");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anotherTenantsDeliveryIsNotFound(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender owner = app.sender("10.00");
            Sender other = app.sender("10.00");
            configure(owner, receiver.url());
            configure(other, receiver.url());
            String id = owner.post("/webhooks/test", "{}").json().get("delivery_id").asText();

            var read = other.get("/webhooks/deliveries/" + id);
            var retry = other.post("/webhooks/deliveries/" + id + "/retry", "{}");

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.json().get("code").asText()).isEqualTo("not_found");
            assertThat(retry.status()).isEqualTo(404);
            assertThat(other.get("/webhooks/deliveries").json().at("/meta/total").asInt()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theDeliveryListPagesAndFilters(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());
            for (int i = 0; i < 5; i++) {
                credit(app, s, "1.00");
            }
            s.post("/webhooks/test", "{}");
            Eventually.until("all six delivered", WAIT,
                    () -> s.get("/webhooks/deliveries?status=succeeded").json().at("/meta/total").asInt() == 6);

            var page2 = s.get("/webhooks/deliveries?page=2&per_page=4").json();
            assertThat(page2.get("data")).hasSize(2);
            assertThat(page2.at("/meta/total").asInt()).isEqualTo(6);
            assertThat(page2.at("/meta/current_page").asInt()).isEqualTo(2);
            assertThat(s.get("/webhooks/deliveries?event=webhook.test").json().at("/meta/total").asInt()).isEqualTo(1);
            assertThat(s.get("/webhooks/deliveries?event=balance.updated").json().at("/meta/total").asInt()).isEqualTo(5);
            assertThat(s.get("/webhooks/deliveries?status=failed").json().at("/meta/total").asInt()).isZero();
            assertThat(s.get("/webhooks/deliveries?from=2999-01-01").json().at("/meta/total").asInt()).isZero();
            assertThat(s.get("/webhooks/deliveries?to=2000-01-01").json().at("/meta/total").asInt()).isZero();
            assertThat(s.get("/webhooks/deliveries?from=2000-01-01&to=2999-01-01").json().at("/meta/total").asInt())
                    .isEqualTo(6);
            var bad = s.get("/webhooks/deliveries?event=balance.changed");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("code").asText()).isEqualTo("validation_failed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aManualRetrySendsTheSameWebhookIdAgain(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            String secret = configure(s, receiver.url());
            credit(app, s, "1.00");
            Received first = receiver.next(WAIT);
            String id = io.jumbe.server.testing.Webhooks.onlyDeliveryId(s);

            var retry = s.post("/webhooks/deliveries/" + id + "/retry", "{}");

            assertThat(retry.status()).isEqualTo(202);
            Received again = receiver.next(WAIT);
            assertThat(again.webhookId()).isEqualTo(first.webhookId());
            assertThat(again.text()).isEqualTo(first.text());
            assertThat(StandardWebhooks.verify(secret, again)).isTrue();
            Eventually.until("both attempts logged", WAIT,
                    () -> s.get("/webhooks/deliveries/" + id).json().get("attempts").size() == 2);
        }
    }
}
