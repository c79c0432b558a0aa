package io.jumbe.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contacts, import, opt-outs and a campaign through the real HTTP API, on H2 and PostgreSQL. */
class ContactsAndCampaignsHttpTest {
    private static final Map<String, String> ENV = Map.of("ONFON_DLR_TOKEN", "dlr-token-for-tests",
            "ONFON_MAX_TPS", "100000");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void contactsAreCreatedOnceListedExportedAndHiddenFromOtherTenants(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            Sender other = app.sender("100.00");
            Http.Response created = s.post("/contacts", "{\"phone\":\"0712345678\",\"name\":\"Amina Otieno\","
                    + "\"attributes\":{\"student\":\"Baraka\",\"form\":\"2\"},\"groups\":[\"parents-form-2\"]}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("contact_id").asText();
            assertThat(id).startsWith("CON-");
            assertThat(created.json().get("phone").asText()).isEqualTo("254712345678");

            Http.Response again = s.post("/contacts", "{\"phone\":\"+254 712 345 678\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asText()).isEqualTo("contact_exists");
            assertThat(again.json().get("contact_id").asText()).isEqualTo(id);

            assertThat(other.get("/contacts/" + id).status()).isEqualTo(404);
            assertThat(other.delete("/contacts/" + id).status()).isEqualTo(404);
            assertThat(s.get("/groups").json().get("data").get(0).get("contacts").asLong()).isEqualTo(1);
            assertThat(s.get("/contacts?group=parents-form-2&search=amina").json().get("meta").get("total").asLong())
                    .isEqualTo(1);

            Http.Response csv = s.get("/contacts?format=csv");
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body()).startsWith("contact_id,phone,name,email,groups,opted_out_at,created_at,form,student\r\n")
                    .contains(id + ",254712345678,Amina Otieno,,parents-form-2,,");

            Http.Response patched = app.http().send("PATCH", s.path("/contacts/" + id), "{\"attributes\":{\"form\":\"3\"}}",
                    Map.of("X-API-Key", s.apiKey(), "Content-Type", "application/json"));
            assertThat(patched.json().get("attributes").get("form").asText()).isEqualTo("3");
            assertThat(patched.json().get("attributes").get("student").asText()).isEqualTo("Baraka");
            assertThat(s.delete("/groups/parents-form-2").status()).isEqualTo(204);
            assertThat(s.get("/contacts/" + id).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCsvUploadIsImportedByTheWorkerAndABadFileImportsNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            String file = "\uFEFFphone,name,student\r\n0712000001,\"Otieno, Amina\",Baraka\r\n12345,Bad,X\r\n";
            Http.Response r = upload(app, s, "/contacts/import?group=parents-form-2", file);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.json().get("status").asText()).isEqualTo("processing");
            String importId = r.json().get("import_id").asText();
            assertThat(importId).startsWith("IMP-");
            Eventually.until("import completed", Duration.ofSeconds(30),
                    () -> s.get("/contacts/import/" + importId).json().get("status").asText().equals("completed"));
            JsonNode status = s.get("/contacts/import/" + importId).json();
            assertThat(status.get("created").asInt()).isEqualTo(1);
            assertThat(status.get("skipped").asInt()).isEqualTo(1);
            assertThat(status.get("errors").get(0).get("row").asInt()).isEqualTo(3);

            Http.Response noPhone = upload(app, s, "/contacts/import", "name\r\nAmina\r\n");
            assertThat(noPhone.status()).isEqualTo(400);
            assertThat(noPhone.contentType()).startsWith("application/problem+json");
            Http.Response json = s.post("/contacts/import", "{\"phone\":\"0712000009\"}");
            assertThat(json.status()).isEqualTo(415);
            assertThat(s.get("/contacts").json().get("meta").get("total").asLong()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void optOutsAreEnforcedOnSmsSendsForTheirTenantOnly(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            Sender other = app.sender("100.00");
            Http.Response o = s.post("/opt-outs", "{\"phone\":\"0722110151\",\"reason\":\"asked by phone\"}");
            assertThat(o.status()).isEqualTo(201);
            assertThat(o.json().get("source").asText()).isEqualTo("api");
            assertThat(o.json().get("opted_out_at").isNull()).isFalse();

            Http.Response single = s.post("/sms/send", "{\"recipient\":\"0722110151\",\"message\":\"Fees due\"}");
            assertThat(single.status()).isEqualTo(422);
            assertThat(single.json().get("code").asText()).isEqualTo("recipient_opted_out");
            Http.Response list = s.post("/sms/send", "{\"recipients\":[\"0722110151\",\"0722110152\"],"
                    + "\"message\":\"Fees due\"}");
            assertThat(list.status()).isEqualTo(202);
            assertThat(list.json().get("messages")).hasSize(1);
            assertThat(list.json().get("rejected").get(0).get("code").asText()).isEqualTo("opted_out");
            assertThat(other.post("/sms/send", "{\"recipient\":\"0722110151\",\"message\":\"Hi\"}").status())
                    .isEqualTo(202);

            assertThat(s.get("/opt-outs").json().get("data").get(0).get("phone").asText()).isEqualTo("254722110151");
            assertThat(s.delete("/opt-outs/0722110151").status()).isEqualTo(204);
            assertThat(s.post("/sms/send", "{\"recipient\":\"0722110151\",\"message\":\"Fees due\"}").status())
                    .isEqualTo(202);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("98.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aPersonalisedCampaignIsPricedLaunchedOnceAndCompletes(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            StringBuilder file = new StringBuilder("phone,name,student\n");
            for (int i = 0; i < 20; i++) {
                file.append("07221101").append(String.format("%02d", i)).append(",Parent ").append(i).append(',')
                        .append(i == 7 ? "" : "Child " + "x".repeat(i * 8)).append('\n');
            }
            String importId = upload(app, s, "/contacts/import?group=form-2", file.toString()).json().get("import_id")
                    .asText();
            Eventually.until("import completed", Duration.ofSeconds(30),
                    () -> s.get("/contacts/import/" + importId).json().get("status").asText().equals("completed"));
            s.post("/opt-outs", "{\"phone\":\"0722110103\"}");

            Http.Response created = s.post("/campaigns", "{\"name\":\"Term 3 fees\",\"channel\":\"sms\","
                    + "\"message\":\"Dear {{name}}, fees for {{student}} are due on 5 Dec.\","
                    + "\"audience\":{\"groups\":[\"form-2\"]}}", Map.of("Idempotency-Key", "cmp-1"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("campaign_id").asText();
            assertThat(id).startsWith("CMP-");
            JsonNode draft = s.get("/campaigns/" + id).json();
            assertThat(draft.get("status").asText()).isEqualTo("draft");
            assertThat(draft.get("recipients").asInt()).isEqualTo(19);
            assertThat(draft.get("skipped").asInt()).isEqualTo(1);
            long cost = 0;
            for (JsonNode p : s.get("/campaigns/" + id + "/preview").json().get("data")) {
                assertThat(p.get("cost").decimalValue()).isEqualByComparingTo(
                        java.math.BigDecimal.valueOf(p.get("segments").asInt()));
                cost++;
            }
            assertThat(cost).isEqualTo(5);
            assertThat(s.post("/campaigns", "{\"name\":\"x\",\"message\":\"Hi {{Name}}\",\"audience\":{\"groups\":"
                    + "[\"form-2\"]}}").status()).isEqualTo(400);

            Http.Response launched = s.post("/campaigns/" + id + "/launch", "{}", Map.of("Idempotency-Key", "go-1"));
            assertThat(launched.status()).isEqualTo(200);
            Http.Response replay = s.post("/campaigns/" + id + "/launch", "{}", Map.of("Idempotency-Key", "go-1"));
            assertThat(replay.body()).isEqualTo(launched.body());
            assertThat(launched.json().get("charged").decimalValue())
                    .isEqualByComparingTo(draft.get("estimated_cost").decimalValue());

            Eventually.until("campaign completed", Duration.ofSeconds(60),
                    () -> s.get("/campaigns/" + id).json().get("status").asText().equals("completed"));
            JsonNode done = s.get("/campaigns/" + id).json();
            assertThat(done.get("delivered").asInt() + done.get("failed").asInt()).isEqualTo(18);
            assertThat(s.get("/campaigns/" + id + "/recipients?status=skipped").json().get("data").get(0)
                    .get("reason").asText()).isEqualTo("missing_field");
            assertThat(s.get("/campaigns/" + id + "/recipients?format=csv").body()).startsWith("seq,recipient,");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.CAMPAIGN_COMPLETED, 5)).hasSize(1);
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.CAMPAIGN_LAUNCHED, 5)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    static Http.Response upload(TestApp app, Sender s, String path, String csv) {
        return app.http().sendBytes("POST", s.path(path), csv.getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-Key", s.apiKey(), "Content-Type", "text/csv"));
    }
}
