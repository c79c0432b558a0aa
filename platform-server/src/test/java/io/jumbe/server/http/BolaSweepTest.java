package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken object level authorisation, swept over every tenant route the server registers (a new route joins the
 * sweep by itself): another tenant's key on the victim's {@code client_id} gets 403, the attacker's own
 * {@code client_id} with the victim's object ids gets 404, and the victim's money, messages, top-ups and webhook
 * setup are exactly as before.
 */
class BolaSweepTest {
    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");
    private static final String PREFIX = "/api/{client_id}/";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void noTenantRouteLetsAnotherTenantsKeyReadOrChangeAnything(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender victim = app.sender("500.00");
            Sender attacker = app.sender("500.00");
            String later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            Http.Response scheduled = victim.post("/sms/send", "{\"recipient\": \"0712345678\", \"message\": \"later\", "
                    + "\"schedule_at\": \"" + later + "\"}");
            assertThat(scheduled.status()).isEqualTo(202);
            Http.Response manual = victim.post("/wallet/topup/manual", "{\"amount\": 1000, \"reference\": \"SLIP-1\"}");
            assertThat(manual.status()).isEqualTo(202);
            assertThat(victim.put("/webhooks/config", "{\"webhook_url\": \"http://127.0.0.1:9/hooks\"}").status())
                    .isEqualTo(200);
            Http.Response test = victim.post("/webhooks/test", "{}");
            assertThat(test.status()).isEqualTo(200);
            Http.Response contact = victim.post("/contacts", "{\"phone\": \"0712345670\", \"groups\": [\"vip\"]}");
            assertThat(contact.status()).isEqualTo(201);
            assertThat(victim.post("/opt-outs", "{\"phone\": \"0712345671\"}").status()).isEqualTo(201);
            Http.Response imported = app.http().sendBytes("POST", victim.path("/contacts/import"),
                    "phone\n0712345672\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("X-API-Key", victim.apiKey(), "Content-Type", "text/csv"));
            assertThat(imported.status()).isEqualTo(202);
            io.jumbe.server.testing.Eventually.until("the victim's import completed", java.time.Duration.ofSeconds(30),
                    () -> victim.get("/contacts/import/" + imported.json().get("import_id").asText()).json()
                            .get("status").asText().equals("completed"));
            Http.Response campaign = victim.post("/campaigns", "{\"name\": \"c\", \"message\": \"Hi\", "
                    + "\"audience\": {\"groups\": [\"vip\"]}}");
            assertThat(campaign.status()).isEqualTo(201);
            Map<String, String> victimIds = Map.of(
                    "message_id", scheduled.json().get("message_id").asText(),
                    "transaction_id", manual.json().get("transaction_id").asText(),
                    "delivery_id", test.json().get("delivery_id").asText(),
                    "contact_id", contact.json().get("contact_id").asText(),
                    "import_id", imported.json().get("import_id").asText(),
                    "name", "vip",
                    "phone", "254712345671",
                    "campaign_id", campaign.json().get("campaign_id").asText());
            String before = state(victim);

            List<String> routes = app.application().routes().stream()
                    .filter(r -> r.substring(r.indexOf(' ') + 1).startsWith(PREFIX)).toList();
            assertThat(routes).hasSizeGreaterThanOrEqualTo(20);
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                String template = route.substring(route.indexOf(' ') + 1);
                String body = method.equals("GET") || method.equals("DELETE") ? null : bodyFor(template);

                Http.Response onVictimsPath = app.http().send(method, fill(template, victim.clientId(), victimIds),
                        body, Map.of("X-API-Key", attacker.apiKey(), "Content-Type", "application/json"));
                assertThat(onVictimsPath.status()).as("%s on the victim's client id", route).isEqualTo(403);
                assertThat(onVictimsPath.json().get("code").asText()).isEqualTo("forbidden");

                if (PARAM.matcher(template.substring(PREFIX.length())).find()) {
                    Http.Response victimsObject = app.http().send(method, fill(template, attacker.clientId(),
                            victimIds), body, Map.of("X-API-Key", attacker.apiKey(), "Content-Type",
                            "application/json"));
                    assertThat(victimsObject.status()).as("%s with the victim's object id", route).isEqualTo(404);
                }
            }
            assertThat(state(victim)).as("the victim's account is untouched").isEqualTo(before);
        }
    }

    // what the victim can see of their account: any change made by the sweep shows here
    private static String state(Sender s) {
        return String.join("\n", s.get("/client/balance").body(), s.get("/wallet/transactions").body(),
                s.get("/sms/history").body(), s.get("/webhooks/config").body(),
                s.get("/webhooks/deliveries").json().get("meta").toString(), s.get("/contacts").body(),
                s.get("/groups").body(), s.get("/opt-outs").body(), s.get("/campaigns").body());
    }

    private static String fill(String template, long clientId, Map<String, String> ids) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("client_id") ? Long.toString(clientId) : ids.get(name);
            assertThat(value).as("the sweep knows a value for {%s} of %s", name, template).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    // a valid request of each kind, so that only the authorisation can refuse it
    private static String bodyFor(String template) {
        if (template.endsWith("/sms/send") || template.endsWith("/sms/quote")) {
            return "{\"recipient\": \"0712345678\", \"message\": \"hijack\"}";
        }
        if (template.endsWith("/wallet/topup")) {
            return "{\"amount\": 100, \"payment_method\": \"mpesa\", \"phone_number\": \"0712345678\"}";
        }
        if (template.endsWith("/wallet/topup/manual")) {
            return "{\"amount\": 100, \"reference\": \"EVIL-1\"}";
        }
        if (template.endsWith("/webhooks/config")) {
            return "{\"webhook_url\": \"http://127.0.0.1:9/attacker\"}";
        }
        return "{}";
    }
}
