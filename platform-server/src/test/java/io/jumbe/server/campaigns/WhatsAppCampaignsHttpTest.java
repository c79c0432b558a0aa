package io.jumbe.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.whatsapp.Category;
import io.jumbe.server.simulator.whatsapp.WhatsAppSimulator;
import io.jumbe.server.testing.Await;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WhatsApp-template campaigns over the real HTTP API, dispatched to the built-in Graph API simulator, on H2 and
 * PostgreSQL.
 */
class WhatsAppCampaignsHttpTest {
    static final Map<String, String> ENV = Map.of("WHATSAPP_VERIFY_TOKEN", "test-verify-token");
    private static final String ORDER_UPDATE = "{\"name\":\"order_update\",\"language\":\"en\","
            + "\"parameters\":[\"{{name}}\",\"{{attributes.order}}\"]}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aPersonalisedTemplateCampaignIsChargedOnceSentWithEachRecipientsParametersAndCompletesWithItsCounts(
            TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("1000.00");
            app.platform().whatsapp().setPrices(s.clientId(), Map.of(Category.UTILITY, Money.parse("1.25")));
            // 200 customers; numbers end in their index, so …0001 fails after sending, …0002 is refused at send and
            // …0006 is read (the simulator's test numbers); every 40th has no order (missing_field)
            StringBuilder file = new StringBuilder("phone,name,order\n");
            for (int i = 0; i < 200; i++) {
                file.append(phone(i)).append(",Customer ").append(i).append(',')
                        .append(i % 40 == 0 ? "" : "ORD-" + (1000 + i)).append('\n');
            }
            String importId = upload(app, s, "/contacts/import?group=customers", file.toString()).json()
                    .get("import_id").asText();
            Eventually.until("import completed", Duration.ofSeconds(30),
                    () -> s.get("/contacts/import/" + importId).json().get("status").asText().equals("completed"));
            // …0005 would never get a status: opted out, it is never sent to
            assertThat(s.post("/opt-outs", "{\"phone\":\"" + phone(5) + "\"}").status()).isEqualTo(201);
            assertThat(s.post("/opt-outs", "{\"phone\":\"" + phone(7) + "\"}").status()).isEqualTo(201);
            int sendable = 200 - 2 - 5;
            BigDecimal cost = new BigDecimal("1.25").multiply(BigDecimal.valueOf(sendable));

            Http.Response created = s.post("/campaigns", "{\"name\":\"Order updates\",\"channel\":\"whatsapp\","
                    + "\"template\":" + ORDER_UPDATE + ",\"audience\":{\"groups\":[\"customers\"]},"
                    + "\"reference\":\"orders-nov\"}", Map.of("Idempotency-Key", "wa-cmp-1"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("campaign_id").asText();
            JsonNode draft = created.json();
            assertThat(draft.get("channel").asText()).isEqualTo("whatsapp");
            assertThat(draft.get("sender").isNull()).isTrue();
            assertThat(draft.get("message").isNull()).isTrue();
            assertThat(draft.get("template").get("name").asText()).isEqualTo("order_update");
            assertThat(draft.get("template").get("category").asText()).isEqualTo("utility");
            assertThat(draft.get("template").get("parameters")).extracting(JsonNode::asText)
                    .containsExactly("{{name}}", "{{attributes.order}}");
            assertThat(draft.get("recipients").asInt()).isEqualTo(198);
            assertThat(draft.get("skipped").asInt()).isEqualTo(5);
            assertThat(draft.get("estimated_cost").decimalValue()).isEqualByComparingTo(cost);
            for (JsonNode p : s.get("/campaigns/" + id + "/preview").json().get("data")) {
                int n = index(p.get("recipient").asText());
                assertThat(p.get("parameters")).extracting(JsonNode::asText)
                        .containsExactly("Customer " + n, "ORD-" + (1000 + n));
                assertThat(p.get("cost").decimalValue()).isEqualByComparingTo("1.25");
                assertThat(p.get("segments").isNull()).isTrue();
                assertThat(p.get("message").isNull()).isTrue();
            }

            Http.Response launched = s.post("/campaigns/" + id + "/launch", "{}", Map.of("Idempotency-Key", "wa-go-1"));
            assertThat(launched.status()).as(launched.body()).isEqualTo(200);
            assertThat(s.post("/campaigns/" + id + "/launch", "{}", Map.of("Idempotency-Key", "wa-go-1")).body())
                    .isEqualTo(launched.body());
            assertThat(launched.json().get("charged").decimalValue()).isEqualByComparingTo(cost);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = ? "
                    + "AND type = 'debit'", s.clientId())).isEqualTo(1);

            Eventually.until("campaign completed", Duration.ofSeconds(90),
                    () -> s.get("/campaigns/" + id).json().get("status").asText().equals("completed"));
            // …0006's read may come just after its delivered completed the campaign
            Eventually.until("the read counted", Duration.ofSeconds(30),
                    () -> s.get("/campaigns/" + id).json().get("read").asInt() == 1);
            JsonNode done = s.get("/campaigns/" + id).json();
            assertThat(done.get("failed").asInt()).isEqualTo(2);
            // a read message counts as read, not also as delivered
            assertThat(done.get("delivered").asInt()).isEqualTo(sendable - 3);
            assertThat(done.get("sent").asInt()).isEqualTo(sendable - 1);
            assertThat(done.get("queued").asInt()).isZero();
            assertThat(done.get("skipped").asInt()).isEqualTo(5);
            assertThat(done.get("charged").decimalValue()).isEqualByComparingTo(cost);
            assertThat(done.get("refunded").decimalValue()).isEqualByComparingTo("2.50");
            assertThat(app.platform().wallet().balance(s.clientId()).balance())
                    .isEqualTo(Money.parse("1000.00").minus(Money.parse(cost.toPlainString())).plus(Money.parse("2.50")));

            // what the simulator got: the template with each recipient's own parameters, once each
            List<WhatsAppSimulator.Received> received = app.application().whatsappSimulator().orElseThrow().received();
            assertThat(received).hasSize(sendable).allSatisfy(r -> {
                int n = index(r.to());
                assertThat(r.template()).isEqualTo("order_update");
                assertThat(r.parameters()).containsExactly("Customer " + n, "ORD-" + (1000 + n));
            });
            assertThat(received).extracting(WhatsAppSimulator.Received::to).doesNotHaveDuplicates()
                    .doesNotContain("254" + phone(5).substring(1), "254" + phone(7).substring(1));

            JsonNode read = s.get("/campaigns/" + id + "/recipients?status=read").json().get("data").get(0);
            assertThat(read.get("recipient").asText()).isEqualTo("254" + phone(6).substring(1));
            assertThat(read.get("parameters")).extracting(JsonNode::asText).containsExactly("Customer 6", "ORD-1006");
            JsonNode skipped = s.get("/campaigns/" + id + "/recipients?status=skipped").json();
            assertThat(skipped.get("data")).hasSize(5)
                    .allSatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("missing_field"));
            String csv = s.get("/campaigns/" + id + "/recipients?format=csv&status=read").body();
            assertThat(csv).startsWith("seq,recipient,contact_id,message,segments,cost,status,reason,message_id,"
                    + "parameters\r\n").contains("\"[\"\"Customer 6\"\",\"\"ORD-1006\"\"]\"");

            DomainEvent completed = app.platform().events().forTenant(s.clientId(), EventTypes.CAMPAIGN_COMPLETED, 5)
                    .get(0);
            assertThat(completed.data()).containsEntry("campaign_id", id);
            assertThat(((Number) completed.data().get("failed")).intValue()).isEqualTo(2);
            assertThat(((Number) completed.data().get("read")).intValue()).isBetween(0, 1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnknownTemplateIs422AndAWrongParameterCountOrAnSmsFieldIs400AndNothingIsCreated(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            String audience = ",\"audience\":{\"recipients\":[\"0712345678\"]}}";
            Http.Response unknown = s.post("/campaigns", "{\"name\":\"x\",\"channel\":\"whatsapp\",\"template\":"
                    + "{\"name\":\"order_updat\",\"language\":\"en\",\"parameters\":[\"a\",\"b\"]}" + audience);
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
            assertThat(unknown.json().get("code").asText()).isEqualTo("unknown_template");
            assertThat(unknown.json().get("template").asText()).isEqualTo("order_updat");

            Http.Response count = s.post("/campaigns", "{\"name\":\"x\",\"channel\":\"whatsapp\",\"template\":"
                    + "{\"name\":\"order_update\",\"language\":\"en\",\"parameters\":[\"{{name}}\"]}" + audience);
            assertThat(count.status()).as(count.body()).isEqualTo(400);
            assertThat(count.json().get("code").asText()).isEqualTo("validation_failed");
            assertThat(count.body()).contains("template.parameters");

            Http.Response syntax = s.post("/campaigns", "{\"name\":\"x\",\"channel\":\"whatsapp\",\"template\":"
                    + "{\"name\":\"order_update\",\"language\":\"en\",\"parameters\":[\"{{Name}}\",\"{{order}}\"]}"
                    + audience);
            assertThat(syntax.status()).as(syntax.body()).isEqualTo(400);
            assertThat(syntax.body()).contains("template.parameters[0]");

            Http.Response mixed = s.post("/campaigns", "{\"name\":\"x\",\"channel\":\"whatsapp\",\"message\":\"Hi\","
                    + "\"template\":" + ORDER_UPDATE + audience);
            assertThat(mixed.status()).as(mixed.body()).isEqualTo(400);
            assertThat(mixed.body()).contains("\"message\"");
            Http.Response smsWithTemplate = s.post("/campaigns", "{\"name\":\"x\",\"channel\":\"sms\",\"message\":"
                    + "\"Hi\",\"template\":" + ORDER_UPDATE + audience);
            assertThat(smsWithTemplate.status()).as(smsWithTemplate.body()).isEqualTo(400);
            assertThat(smsWithTemplate.body()).contains("\"template\"");
            Http.Response none = s.post("/campaigns", "{\"name\":\"x\",\"channel\":\"whatsapp\"" + audience);
            assertThat(none.status()).as(none.body()).isEqualTo(400);
            assertThat(none.body()).contains("\"template\"");

            assertThat(s.get("/campaigns").json().get("data")).isEmpty();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("100.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTestKeysTemplateCampaignUsesTheSimulatorsTemplatesAndNeverTheRealAccount(TestDatabase db) throws IOException {
        try (MockWebServer meta = new MockWebServer()) {
            // the real Cloud API account is down: live mode cannot read its templates
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
                var created = app.platform().tenants().create(NewTenant.of("Shop", "ops@shop.example", "SHOP")
                        .withBalance(Money.parse("50.00")));
                Sender live = new Sender(created.tenant().id(), created.key().secret(), app.http());
                Sender test = new Sender(created.tenant().id(), created.testKey().secret(), app.http());
                String body = "{\"name\":\"Order updates\",\"channel\":\"whatsapp\",\"template\":" + ORDER_UPDATE
                        + ",\"audience\":{\"recipients\":[\"0712345678\",\"0712340006\"]}}";

                Http.Response unavailable = live.post("/campaigns", body);
                assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
                assertThat(unavailable.json().get("code").asText()).isEqualTo("service_unavailable");

                Http.Response created2 = test.post("/campaigns", body);
                assertThat(created2.status()).as(created2.body()).isEqualTo(201);
                assertThat(created2.header("Jumbe-Mode")).isEqualTo("test");
                String id = created2.json().get("campaign_id").asText();
                // numbers given directly have only {{phone}}: no name, so both are skipped, and nothing is charged
                assertThat(created2.json().get("skipped").asInt()).isEqualTo(2);
                Http.Response launch = test.post("/campaigns/" + id + "/launch", "{}");
                assertThat(launch.status()).as(launch.body()).isEqualTo(400);

                String withPhone = body.replace("[\"{{name}}\",\"{{attributes.order}}\"]", "[\"{{name|there}}\","
                        + "\"{{phone}}\"]");
                String id2 = test.post("/campaigns", withPhone).json().get("campaign_id").asText();
                assertThat(test.post("/campaigns/" + id2 + "/launch", "{}").status()).isEqualTo(200);
                Await.until(() -> test.get("/campaigns/" + id2).json(), c -> "completed".equals(c.get("status").asText()));
                JsonNode done = test.get("/campaigns/" + id2).json();
                assertThat(done.get("delivered").asInt() + done.get("read").asInt()).isEqualTo(2);
                assertThat(done.get("charged").decimalValue()).isEqualByComparingTo("2.00");

                assertThat(meta.getRequestCount()).as("calls that reached the real Cloud API")
                        .isEqualTo(unavailableTemplateReads(meta));
                assertThat(test.get("/client/balance").json().get("balance").decimalValue())
                        .isEqualByComparingTo("998.00");
                assertThat(live.get("/client/balance").json().get("balance").decimalValue())
                        .isEqualByComparingTo("50.00");
                assertThat(app.platform().ledgerCheck().verify()).isEmpty();
            }
        }
    }

    // only live mode's attempts to list templates reached the real account, never a send
    private static int unavailableTemplateReads(MockWebServer meta) {
        int reads = 0;
        for (int i = meta.getRequestCount(); i > 0; i--) {
            try {
                RecordedRequest r = meta.takeRequest();
                assertThat(r.getMethod()).isEqualTo("GET");
                reads++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return reads;
    }

    // 0722500000 + i: the last four digits are i's, as the simulator's test numbers read them
    private static String phone(int i) {
        return "07225" + String.format("%05d", i);
    }

    private static int index(String msisdn) {
        return Integer.parseInt(msisdn.substring(msisdn.length() - 5));
    }

    static Http.Response upload(TestApp app, Sender s, String path, String csv) {
        return app.http().sendBytes("POST", s.path(path), csv.getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-Key", s.apiKey(), "Content-Type", "text/csv"));
    }

    static long count(Jumbe platform, String sql, Object... binds) {
        return platform.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                q.bind(i, binds[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }
}
