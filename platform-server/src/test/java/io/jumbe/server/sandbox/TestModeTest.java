package io.jumbe.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Await;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import io.jumbe.server.testing.WebhookReceiver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Test mode end to end over HTTP, on a server configured with "real" upstream accounts: Onfon is a MockWebServer
 * that records every call, and M-Pesa is Safaricom's sandbox (a push sent there would fail the top-up). A test key
 * must reach neither.
 */
class TestModeTest {

    /** A sender's live and test keys, on the same client id. */
    record Modes(Sender live, Sender test) {
    }

    static Modes sender(TestApp app, String liveBalance) {
        var created = app.platform().tenants().create(NewTenant.of("Clinic " + System.nanoTime(), "ops@clinic.example",
                "FALLEY-MED").withBalance(Money.parse(liveBalance)));
        return new Modes(new Sender(created.tenant().id(), created.key().secret(), app.http()),
                new Sender(created.tenant().id(), created.testKey().secret(), app.http()));
    }

    static MockWebServer recordingOnfon() throws IOException {
        MockWebServer onfon = new MockWebServer();
        onfon.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(500);
            }
        });
        onfon.start();
        return onfon;
    }

    static Map<String, String> realAccounts(MockWebServer onfon) {
        return Map.of("ONFON_BASE_URL", onfon.url("/").toString().replaceAll("/$", ""),
                "ONFON_ACCESS_KEY", "real-access", "ONFON_API_KEY", "real-api", "ONFON_CLIENT_ID", "real-client",
                "MPESA_ENV", "sandbox", "MPESA_CONSUMER_KEY", "real-consumer", "MPESA_CONSUMER_SECRET", "real-secret",
                "MPESA_PASSKEY", "real-passkey", "MPESA_SHORTCODE", "174379");
    }

    static JsonNode awaitField(Sender s, String path, String field, String value) {
        return Await.until(() -> s.get(path).json(), j -> j.has(field) && value.equals(j.get(field).asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTestKeySendsTopsUpAndGetsWebhooksWithNothingReachingARealUpstream(TestDatabase db) throws IOException {
        try (MockWebServer onfon = recordingOnfon(); TestApp app = TestApp.start(db, realAccounts(onfon));
             WebhookReceiver liveHooks = WebhookReceiver.start(); WebhookReceiver testHooks = WebhookReceiver.start()) {
            Modes s = sender(app, "50.00");
            assertThat(s.live().put("/webhooks/config", "{\"webhook_url\":\"" + liveHooks.url() + "\"}").status())
                    .isEqualTo(200);
            Http.Response config = s.test().put("/webhooks/config", "{\"webhook_url\":\"" + testHooks.url() + "\"}");
            assertThat(config.status()).isEqualTo(200);
            assertThat(config.header("Jumbe-Mode")).isEqualTo("test");

            Http.Response account = s.test().get("/account");
            assertThat(account.json().get("mode").asText()).isEqualTo("test");
            assertThat(account.header("Jumbe-Mode")).isEqualTo("test");
            assertThat(s.live().get("/account").json().get("mode").asText()).isEqualTo("live");
            assertThat(s.live().get("/account").header("Jumbe-Mode")).isNull();
            assertThat(s.test().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("1000.00");

            Http.Response sent = s.test().post("/sms/send", "{\"recipient\": \"254712345678\", \"message\": \"Hi\"}");
            assertThat(sent.status()).isEqualTo(202);
            String messageId = sent.json().get("message_id").asText();
            awaitField(s.test(), "/sms/status/" + messageId, "status", "delivered");

            Http.Response topup = s.test().post("/wallet/topup", "{\"amount\": 500, \"payment_method\": \"mpesa\", "
                    + "\"phone_number\": \"254712345678\"}");
            assertThat(topup.status()).isEqualTo(202);
            String txn = topup.json().get("transaction_id").asText();
            awaitField(s.test(), "/wallet/topup/" + txn, "status", "completed");

            assertThat(s.test().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("1499.00");
            assertThat(s.live().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("50.00");
            assertThat(onfon.getRequestCount()).as("calls to the real Onfon").isZero();
            assertThat(app.application().testOnfonSimulator().submitted()).isNotEmpty();
            assertThat(app.application().testDarajaSimulator().pushes()).hasSize(1);

            // the test configuration gets test mode's events, marked so; the live one gets none of them
            List<JsonNode> received = new ArrayList<>();
            Await.until(() -> {
                testHooks.all().forEach(r -> received.add(r.json()));
                return received.stream().map(j -> j.get("event").asText()).toList();
            }, events -> events.contains("message.delivered") && events.contains("topup.completed"));
            assertThat(received).allSatisfy(body -> {
                assertThat(body.get("livemode").asBoolean(true)).isFalse();
                assertThat(body.get("client_id").asLong()).isEqualTo(s.test().clientId());
            });
            assertThat(liveHooks.all()).noneMatch(r -> r.json().get("livemode").asBoolean(true) == false);

            // ids do not cross modes
            assertThat(s.live().get("/sms/status/" + messageId).status()).isEqualTo(404);
            assertThat(s.live().get("/wallet/topup/" + txn).status()).isEqualTo(404);
            assertThat(s.live().get("/sms/history").json().get("data")).isEmpty();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void liveDataIsInvisibleToATestKey(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Modes s = sender(app, "20.00");
            Http.Response live = s.live().post("/sms/send", "{\"recipient\": \"254712345678\", \"message\": \"Hi\"}");
            String messageId = live.json().get("message_id").asText();

            assertThat(s.test().get("/sms/status/" + messageId).status()).isEqualTo(404);
            assertThat(s.test().get("/sms/history").json().get("data")).isEmpty();
            assertThat(s.test().get("/wallet/transactions").json().get("data"))
                    .allSatisfy(t -> assertThat(t.get("type").asText()).isEqualTo("credit"));
            assertThat(live.header("Jumbe-Mode")).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aResetRestoresTheTestWalletAndClearsTestDataThroughTheJournal(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Modes s = sender(app, "20.00");
            s.live().post("/sms/send", "{\"recipient\": \"254712345678\", \"message\": \"Live\"}");
            for (int i = 0; i < 3; i++) {
                assertThat(s.test().post("/sms/send", "{\"recipient\": \"254712345678\", \"message\": \"Test\"}")
                        .status()).isEqualTo(202);
            }
            assertThat(s.test().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("997.00");

            assertThat(s.test().post("/contacts", "{\"phone\": \"0712345678\", \"groups\": [\"trial\"]}").status())
                    .isEqualTo(201);
            assertThat(s.test().post("/opt-outs", "{\"phone\": \"0722000111\"}").status()).isEqualTo(201);
            assertThat(s.live().post("/contacts", "{\"phone\": \"0712345678\"}").status()).isEqualTo(201);

            Http.Response refused = s.live().post("/sandbox/reset", "{}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("test_mode_only");
            assertThat(s.live().get("/sms/history").json().get("data")).hasSize(1);
            assertThat(s.live().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("19.00");

            Http.Response reset = s.test().post("/sandbox/reset", "{}");
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.header("Jumbe-Mode")).isEqualTo("test");
            assertThat(reset.json().get("balance").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(reset.json().get("messages_cleared").asInt()).isEqualTo(3);
            assertThat(s.test().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("1000.00");
            assertThat(s.test().get("/sms/history").json().get("data")).isEmpty();
            assertThat(s.live().get("/sms/history").json().get("data")).hasSize(1);
            assertThat(s.live().get("/client/balance").json().get("balance").decimalValue())
                    .isEqualByComparingTo("19.00");
            assertThat(s.test().get("/contacts").json().get("data")).isEmpty();
            assertThat(s.test().get("/groups").json().get("data")).isEmpty();
            assertThat(s.test().get("/opt-outs").json().get("data")).isEmpty();
            assertThat(s.live().get("/contacts").json().get("data")).hasSize(1);
            // the journal keeps every entry and adds the reset's credit; the balances still add up
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }
}
