package io.jumbe.server.webhooks;

import static io.jumbe.server.testing.Webhooks.configure;
import static io.jumbe.server.testing.Webhooks.credit;
import static io.jumbe.server.testing.Webhooks.onlyDeliveryId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.webhooks.WebhookService;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.StandardWebhooks;
import io.jumbe.server.testing.TestApp;
import io.jumbe.server.testing.WebhookReceiver;
import io.jumbe.server.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBalanceChangeArrivesAsASignedStandardWebhook(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("100.00");
            String secret = configure(s, receiver.url());

            credit(app, s, "250.00");

            Received r = receiver.next(WAIT);
            assertThat(StandardWebhooks.verify(secret, r)).isTrue();
            assertThat(r.webhookId()).startsWith("msg_");
            assertThat(r.event()).isEqualTo("balance.updated");
            assertThat(r.xSignature()).isEqualTo(r.signature());
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.userAgent()).startsWith("Jumbe-Webhooks/");
            JsonNode body = r.json();
            assertThat(body.get("event").asText()).isEqualTo("balance.updated");
            assertThat(body.get("client_id").asLong()).isEqualTo(s.clientId());
            assertThat(body.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            long sequence = app.platform().events().forTenant(s.clientId(), EventTypes.BALANCE_UPDATED, 1).get(0).sequence();
            assertThat(body.get("sequence").asLong()).isEqualTo(sequence);
            JsonNode data = body.get("data");
            assertThat(data.get("old_balance").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(data.get("new_balance").decimalValue()).isEqualByComparingTo("350.00");
            assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("250.00");
            assertThat(data.get("cause").asText()).isEqualTo("manual_credit");
            assertThat(data.get("transaction_id").asText()).startsWith("TXN-");
            assertThat(data.get("currency").asText()).isEqualTo("KES");
            assertThat(r.text()).contains("\"amount\":250.00");
            Eventually.until("the delivery is logged as succeeded", WAIT,
                    () -> s.get("/webhooks/deliveries?status=succeeded").json().at("/meta/total").asInt() == 1);
            var logged = s.get("/webhooks/deliveries/" + onlyDeliveryId(s));
            assertThat(logged.json().get("payload")).isEqualTo(body);
            assertThat(logged.body()).contains("\"amount\":250.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void retriesAfterServerErrorsKeepTheWebhookIdAndTheBody(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("WEBHOOK_RETRY_SCHEDULE", "100ms,100ms,100ms"));
             WebhookReceiver receiver = WebhookReceiver.start()) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answering(r -> calls.incrementAndGet() <= 2 ? 500 : 200);
            Sender s = app.sender("10.00");
            String secret = configure(s, receiver.url());

            credit(app, s, "5.00");

            List<Received> got = List.of(receiver.next(WAIT), receiver.next(WAIT), receiver.next(WAIT));
            assertThat(got).extracting(Received::webhookId).containsOnly(got.get(0).webhookId());
            assertThat(got).extracting(Received::text).containsOnly(got.get(0).text());
            assertThat(got).allSatisfy(r -> assertThat(StandardWebhooks.verify(secret, r)).isTrue());
            String id = onlyDeliveryId(s);
            Eventually.until("the delivery succeeds", WAIT,
                    () -> s.get("/webhooks/deliveries/" + id).json().get("status").asText().equals("succeeded"));
            JsonNode detail = s.get("/webhooks/deliveries/" + id).json();
            assertThat(detail.get("webhook_id").asText()).isEqualTo(got.get(0).webhookId());
            assertThat(detail.get("attempts")).extracting(a -> a.get("http_status").asInt()).containsExactly(500, 500, 200);
            assertThat(detail.get("attempts").get(0).get("response_body").asText()).isEqualTo("ok");
            assertThat(detail.get("attempts").get(0).get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeliveryIsMarkedFailedWhenTheScheduleRunsOut(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("WEBHOOK_RETRY_SCHEDULE", "100ms"));
             WebhookReceiver receiver = WebhookReceiver.start().answering(r -> 503)) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());

            credit(app, s, "5.00");

            String id = onlyDeliveryId(s);
            Eventually.until("the delivery fails", WAIT,
                    () -> s.get("/webhooks/deliveries/" + id).json().get("status").asText().equals("failed"));
            JsonNode detail = s.get("/webhooks/deliveries/" + id).json();
            assertThat(detail.get("attempt_count").asInt()).isEqualTo(2);
            assertThat(detail.get("last_error").asText()).contains("503");
            assertThat(receiver.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void duringARotationEveryDeliveryIsSignedWithTheOldAndTheNewSecret(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start()) {
            Sender s = app.sender("10.00");
            String oldSecret = configure(s, receiver.url());
            var rotated = s.post("/webhooks/secret/rotate", "{}");
            assertThat(rotated.status()).isEqualTo(200);
            String newSecret = rotated.json().get("webhook_secret").asText();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(rotated.json().get("previous_secret_valid_until").asText()).endsWith("Z");

            credit(app, s, "5.00");

            Received r = receiver.next(WAIT);
            assertThat(r.signature().split(" ")).hasSize(2).allMatch(sig -> sig.startsWith("v1,"));
            assertThat(StandardWebhooks.verify(newSecret, r)).isTrue();
            assertThat(StandardWebhooks.verify(oldSecret, r)).isTrue();
            assertThat(StandardWebhooks.verify(newSecret, r.webhookId(), r.timestamp(), r.signature().split(" ")[0],
                    r.body())).as("the new secret's signature comes first").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void a410TurnsTheTenantsWebhooksOffAndTellsTheAdmins(TestDatabase db) {
        try (TestApp app = TestApp.start(db); WebhookReceiver receiver = WebhookReceiver.start().answering(r -> 410)) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());

            credit(app, s, "5.00");

            Eventually.until("webhooks are off", WAIT, () -> !s.get("/webhooks/config").json().get("enabled").asBoolean());
            assertThat(s.get("/webhooks/config").json().get("disabled_reason").asText()).contains("410");
            assertThat(app.platform().alerts().open()).anySatisfy(alert -> {
                assertThat(alert.kind()).isEqualTo(WebhookService.GONE_ALERT);
                assertThat(alert.tenantId()).isEqualTo(s.clientId());
            });
            String id = onlyDeliveryId(s);
            assertThat(s.get("/webhooks/deliveries/" + id).json().get("status").asText()).isEqualTo("failed");
            credit(app, s, "5.00");
            assertThat(s.get("/webhooks/deliveries").json().at("/meta/total").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aHangingReceiverDoesNotDelayAnotherTenantsDeliveries(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("WEBHOOK_TIMEOUT", "120s"));
             WebhookReceiver hanging = WebhookReceiver.start().hanging();
             WebhookReceiver healthy = WebhookReceiver.start()) {
            Sender slow = app.sender("10.00");
            Sender other = app.sender("10.00");
            configure(slow, hanging.url());
            String otherSecret = configure(other, healthy.url());
            for (int i = 0; i < 3 * WebhookService.CONCURRENCY; i++) {
                credit(app, slow, "1.00");
            }
            Eventually.until("the slow tenant's receiver holds its share of workers", WAIT,
                    () -> hanging.count() >= WebhookService.PER_TENANT_IN_FLIGHT);

            credit(app, other, "1.00");

            Received r = healthy.next(WAIT);
            assertThat(StandardWebhooks.verify(otherSecret, r)).isTrue();
            assertThat(hanging.count()).as("the slow tenant never has more than its cap in flight")
                    .isLessThanOrEqualTo(WebhookService.PER_TENANT_IN_FLIGHT);
            assertThat(slow.get("/webhooks/deliveries?status=pending").json().at("/meta/total").asInt())
                    .as("every one of the slow tenant's deliveries is still waiting")
                    .isEqualTo(3 * WebhookService.CONCURRENCY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRestartLosesNoDelivery(TestDatabase db) {
        Map<String, String> env = Map.of("WEBHOOK_RETRY_SCHEDULE", String.join(",", java.util.Collections.nCopies(30, "300ms")));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answering(r -> 503);
            TestApp first = TestApp.start(db, env);
            Sender s = first.sender("10.00");
            String secret = configure(s, receiver.url());
            for (int i = 0; i < 5; i++) {
                credit(first, s, "1.00");
            }
            Eventually.until("every delivery was tried once", WAIT,
                    () -> receiver.all().stream().map(Received::webhookId).distinct().count() == 5);

            try (TestApp second = first.restart(env)) {
                receiver.answering(r -> 200);
                Sender again = new Sender(s.clientId(), s.apiKey(), second.http());
                Eventually.until("all five are delivered after the restart", WAIT,
                        () -> again.get("/webhooks/deliveries?status=succeeded").json().at("/meta/total").asInt() == 5);
                Set<String> ids = new HashSet<>();
                for (Received r : receiver.all()) {
                    assertThat(StandardWebhooks.verify(secret, r)).isTrue();
                    ids.add(r.webhookId());
                }
                assertThat(ids).hasSize(5);
            }
        }
    }
}
