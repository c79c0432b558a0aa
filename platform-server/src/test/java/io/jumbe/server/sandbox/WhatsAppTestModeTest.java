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
import java.io.IOException;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Test mode's WhatsApp on a server with a "real" Cloud API account (a MockWebServer that records every call): a test
 * key's templates and messages go to the simulator the server mounts for test mode, never to the account, and
 * count in test mode's analytics only.
 */
class WhatsAppTestModeTest {

    private static final String TEMPLATE = "\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\","
            + "\"parameters\":[]}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTestKeysWhatsAppGoesToTheSimulatorAndNeverToTheRealAccount(TestDatabase db) throws IOException {
        try (MockWebServer meta = new MockWebServer()) {
            meta.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setResponseCode(500);
                }
            });
            meta.start();
            Map<String, String> realAccount = Map.of("WHATSAPP_BASE_URL", meta.url("/").toString().replaceAll("/$", ""),
                    "WHATSAPP_ACCESS_TOKEN", "real-token", "WHATSAPP_PHONE_NUMBER_ID", "106540352242922",
                    "WHATSAPP_BUSINESS_ACCOUNT_ID", "102290129340398", "WHATSAPP_APP_SECRET", "real-app-secret");
            try (TestApp app = TestApp.start(db, realAccount)) {
                var created = app.platform().tenants().create(NewTenant.of("Clinic", "ops@clinic.example", "CLINIC")
                        .withBalance(Money.parse("50.00")));
                Sender live = new Sender(created.tenant().id(), created.key().secret(), app.http());
                Sender test = new Sender(created.tenant().id(), created.testKey().secret(), app.http());

                Http.Response templates = test.get("/whatsapp/templates");
                assertThat(templates.status()).as(templates.body()).isEqualTo(200);
                assertThat(templates.body()).contains("\"hello_world\"", "\"order_update\"");

                Http.Response sent = test.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":"
                        + "\"0712345678\"," + TEMPLATE + "}");
                assertThat(sent.status()).as(sent.body()).isEqualTo(202);
                assertThat(sent.header("Jumbe-Mode")).isEqualTo("test");
                String id = sent.json().get("message_id").asText();
                Await.until(() -> test.get("/messages/" + id).json(), m -> "delivered".equals(m.get("status").asText()));

                assertThat(meta.getRequestCount()).as("calls that reached the real Cloud API").isZero();
                assertThat(test.get("/client/balance").json().get("balance").decimalValue())
                        .isEqualByComparingTo("999.00");
                assertThat(live.get("/client/balance").json().get("balance").decimalValue())
                        .isEqualByComparingTo("50.00");
                JsonNode testUsage = test.get("/analytics/summary").json().get("today").get("by_channel")
                        .get("whatsapp");
                assertThat(testUsage.get("messages_sent").asInt()).isEqualTo(1);
                assertThat(testUsage.get("delivered").asInt()).isEqualTo(1);
                assertThat(testUsage.get("cost").decimalValue()).isEqualByComparingTo("1.00");
                assertThat(live.get("/analytics/summary").json().get("today").get("by_channel").get("whatsapp")
                        .get("messages_sent").asInt()).isZero();
                assertThat(app.platform().ledgerCheck().verify()).isEmpty();
            }
        }
    }
}
