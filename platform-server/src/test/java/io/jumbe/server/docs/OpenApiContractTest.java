package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.DocsModule;
import io.jumbe.docs.OpenApiDocument;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the server's contract: every route is documented, every documented operation is served,
 * and real answers of the in-process server (success and problem alike) validate against the document.
 */
class OpenApiContractTest {
    static final String CALLBACK_TOKEN = "mpesa-callback-token-for-tests";

    static final String DLR_TOKEN = "onfon-dlr-token-for-tests";

    private static TestApp app;
    private static Sender sender;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.h2(), Map.of("MPESA_CALLBACK_TOKEN", CALLBACK_TOKEN, "ONFON_DLR_TOKEN", DLR_TOKEN));
        sender = app.sender("1049.00");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyRouteTheServerRegistersIsDocumented() {
        Set<String> undocumented = new TreeSet<>(served(app));
        undocumented.removeAll(documented());

        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> unserved = new TreeSet<>(documented());
        unserved.removeAll(served(app));

        assertThat(unserved).isEmpty();
    }

    @Test
    void healthAndMetricsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        assertThat(http.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
        assertThat(http.send("GET", "/metrics", null, Map.of()).status()).isEqualTo(200);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void balanceMatchesTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        assertThat(http.send("GET", sender.path("/client/balance"), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/client/balance"), null,
                Map.of("Authorization", "Bearer " + sender.apiKey())).status()).isEqualTo(200);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void accountMatchesTheDocumentWithALiveAndATestKey() {
        CheckedHttp http = new CheckedHttp(app.http());
        String testKey = app.platform().apiKeys().create(sender.clientId(), true).secret();

        Http.Response live = http.send("GET", sender.path("/account"), null, key(sender));
        Http.Response test = http.send("GET", sender.path("/account"), null, Map.of("X-API-Key", testKey));

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("mode").asText()).isEqualTo("live");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().get("mode").asText()).isEqualTo("test");
        assertThat(http.sendBad("GET", sender.path("/account"), null, Map.of()).status()).isEqualTo(401);
        assertThat(http.send("GET", app.sender("1.00").path("/account"), null, key(sender)).status()).isEqualTo(403);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void analyticsAndTheSandboxResetMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        String testKey = app.platform().apiKeys().create(sender.clientId(), true).secret();

        assertThat(http.send("GET", sender.path("/analytics/summary"), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/analytics/daily?from=2025-10-01&to=2025-10-09"), null, key(sender))
                .status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/analytics/daily?from=2025-10-01&to=2025-10-09&channel=sms"), null,
                Map.of("X-API-Key", testKey)).status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/analytics/daily?from=2024-01-01&to=2025-10-09"), null, key(sender))
                .status()).isEqualTo(400);
        assertThat(http.send("POST", sender.path("/sandbox/reset"), null, key(sender)).status()).isEqualTo(403);
        Http.Response reset = http.send("POST", sender.path("/sandbox/reset"), null, Map.of("X-API-Key", testKey));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.header("Jumbe-Mode")).isEqualTo("test");
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void aMissingKeyIsTheDocumented401Problem() {
        CheckedHttp http = new CheckedHttp(app.http());

        Http.Response r = http.sendBad("GET", sender.path("/client/balance"), null, Map.of());

        assertThat(r.status()).isEqualTo(401);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void anotherTenantsPathIsTheDocumented403Problem() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender other = app.sender("5.00");

        Http.Response r = http.send("GET", other.path("/client/balance"), null, key(sender));

        assertThat(r.status()).isEqualTo(403);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void overTheRateLimitIsTheDocumented429ProblemWithItsHeaders() {
        try (TestApp limited = TestApp.start(TestDatabases.h2(), Map.of("RATE_LIMITS", "true"))) {
            Sender s = limited.sender("1.00");
            CheckedHttp http = new CheckedHttp(limited.http());
            Http.Response r = null;
            for (int i = 0; i < 1001 && (r == null || r.status() != 429); i++) {
                r = limited.http().send("GET", s.path("/client/balance"), null, key(s));
            }
            assertThat(r.status()).isEqualTo(429);

            Http.Response checked = http.send("GET", s.path("/client/balance"), null, key(s));

            assertThat(checked.status()).isEqualTo(429);
            assertThat(checked.json().get("retry_after").asLong()).isPositive();
            assertThat(http.mismatches()).isEmpty();
        }
    }

    @Test
    void mpesaTopUpAndItsStatusMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        Http.Response started = http.send("POST", sender.path("/wallet/topup"),
                "{\"amount\": 1000, \"payment_method\": \"mpesa\", \"phone_number\": \"0712345678\"}",
                json(sender, Map.of("Idempotency-Key", "topup-contract-1")));
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("transaction_id").asText();

        assertThat(http.send("GET", sender.path("/wallet/topup/" + id), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void topUpProblemsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        assertThat(http.sendBad("POST", sender.path("/wallet/topup"),
                "{\"amount\": 5, \"payment_method\": \"mpesa\", \"phone_number\": \"0712345678\"}", json(sender, Map.of()))
                .status()).isEqualTo(400);
        assertThat(http.sendBad("POST", sender.path("/wallet/topup"), "{\"amount\": ", json(sender, Map.of()))
                .status()).isEqualTo(400);
        assertThat(http.send("GET", sender.path("/wallet/topup/TXN-NOPE"), null, key(sender)).status()).isEqualTo(404);
        String body = "{\"amount\": 500, \"payment_method\": \"mpesa\", \"phone_number\": \"254712345678\"}";
        http.send("POST", sender.path("/wallet/topup"), body, json(sender, Map.of("Idempotency-Key", "topup-contract-2")));
        assertThat(http.send("POST", sender.path("/wallet/topup"), body.replace("500", "600"),
                json(sender, Map.of("Idempotency-Key", "topup-contract-2"))).status()).isEqualTo(422);
        assertThat(http.sendBad("POST", sender.path("/wallet/topup"), "{\"note\": \"" + "x".repeat(1_100_000) + "\"}",
                json(sender, Map.of())).status()).isEqualTo(413);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void notificationSettingsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        assertThat(http.send("GET", sender.path("/account/notifications"), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.send("PUT", sender.path("/account/notifications"), "{\"cc\": [\"finance@falley.co.ke\"], "
                + "\"low_balance_threshold\": 100.00, \"emails\": {\"topup\": true}}",
                json(sender, Map.of("Idempotency-Key", "notifications-contract-1"))).status()).isEqualTo(200);
        assertThat(http.sendBad("PUT", sender.path("/account/notifications"), "{\"email\": \"not an address\"}",
                json(sender, Map.of())).status()).isEqualTo(400);
        assertThat(http.sendBad("GET", sender.path("/account/notifications"), null, Map.of()).status()).isEqualTo(401);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void signUpAndItsVerificationLinkMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Map<String, String> json = Map.of("Content-Type", "application/json");

        assertThat(http.send("POST", "/api/signup", "{\"name\": \"Falley Medical Center\", \"email\": "
                + "\"contract@falley.co.ke\", \"phone\": \"0712345678\", \"sender_id\": \"FALLEY-MED\"}", json)
                .status()).isEqualTo(202);
        assertThat(http.sendBad("POST", "/api/signup", "{\"name\": \"Falley\", \"email\": \"nope\", "
                + "\"phone\": \"0712345678\", \"sender_id\": \"X\"}", json).status()).isEqualTo(400);
        assertThat(http.sendBad("POST", "/api/signup", "{\"name\": \"" + "x".repeat(9000) + "\"}", json).status())
                .isEqualTo(413);
        assertThat(http.sendBad("GET", "/api/signup/verify?token=unknown-token", null, Map.of()).status())
                .isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void manualTopUpRequestMatchesTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        assertThat(http.send("POST", sender.path("/wallet/topup/manual"),
                "{\"amount\": 5000.00, \"reference\": \"bank slip 123\", \"note\": \"Equity Bank, Nyeri\"}",
                json(sender, Map.of("Idempotency-Key", "manual-contract-1"))).status()).isEqualTo(202);
        assertThat(http.sendBad("POST", sender.path("/wallet/topup/manual"), "{\"note\": \"no amount\"}",
                json(sender, Map.of())).status()).isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void transactionsAsJsonAndCsvMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        assertThat(http.send("GET", sender.path("/wallet/transactions?type=credit&page=1&per_page=20"), null, key(sender))
                .status()).isEqualTo(200);
        Http.Response all = http.send("GET", sender.path("/wallet/transactions"), null, key(sender));
        assertThat(all.status()).isEqualTo(200);
        String first = all.json().at("/data/0/transaction_id").asText();
        assertThat(http.send("GET", sender.path("/wallet/transactions?per_page=5&starting_after=" + first), null,
                key(sender)).status()).isEqualTo(200);
        assertThat(http.sendBad("GET", sender.path("/wallet/transactions?starting_after=TXN-NOPE"), null, key(sender))
                .status()).isEqualTo(400);
        assertThat(http.send("GET", sender.path("/wallet/transactions?format=csv&from_date=2025-10-01"), null, key(sender))
                .status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/wallet/transactions"), null,
                Map.of("X-API-Key", sender.apiKey(), "Accept", "text/csv")).status()).isEqualTo(200);
        assertThat(http.sendBad("GET", sender.path("/wallet/transactions?type=gift"), null, key(sender)).status())
                .isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void mpesaCallbacksMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        String callback = "{\"Body\": {\"stkCallback\": {\"MerchantRequestID\": \"29115-34620561-1\","
                + " \"CheckoutRequestID\": \"ws_CO_191220191020363925\", \"ResultCode\": 1032,"
                + " \"ResultDesc\": \"Request cancelled by user\"}}}";
        Map<String, String> headers = Map.of("Content-Type", "application/json");

        assertThat(http.send("POST", "/api/webhooks/mpesa/callback/" + CALLBACK_TOKEN, callback, headers).status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/api/webhooks/mpesa/timeout/" + CALLBACK_TOKEN, callback, headers).status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/api/webhooks/mpesa/callback/wrong-token", callback, headers).status())
                .isEqualTo(404);
        assertThat(http.sendBad("POST", "/api/webhooks/mpesa/callback/" + CALLBACK_TOKEN, "{\"Body\": 1}", headers)
                .status()).isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void sendingAnSmsAndFollowingItMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());

        Http.Response single = http.send("POST", sender.path("/sms/send"),
                "{\"recipient\": \"0712345678\", \"message\": \"Your appointment is tomorrow\", \"reference\": \"APPT-1\"}",
                json(sender, Map.of("Idempotency-Key", "sms-contract-1")));
        assertThat(single.status()).isEqualTo(202);
        String id = single.json().get("message_id").asText();
        assertThat(http.send("POST", sender.path("/sms/send"),
                "{\"recipients\": [\"254712345678\", \"0722000111\", \"12345\"], \"message\": \"Closed on Monday\"}",
                json(sender, Map.of())).status()).isEqualTo(202);
        assertThat(http.send("POST", sender.path("/sms/quote"),
                "{\"recipients\": [\"254712345678\", \"254722000111\"], \"message\": \"Habari! Kliniki itafunguliwa.\"}",
                json(sender, Map.of())).status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/sms/status/" + id), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/sms/history?status=queued&page=1&per_page=20"), null, key(sender))
                .status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/sms/history?reference=APPT-1"), null, key(sender)).status())
                .isEqualTo(200);
        assertThat(http.send("GET", sender.path("/sms/history?per_page=1&starting_after=" + id), null, key(sender))
                .status()).isEqualTo(200);
        assertThat(http.sendBad("GET", sender.path("/sms/history?page=2&starting_after=" + id), null, key(sender))
                .status()).isEqualTo(400);
        assertThat(http.send("GET", sender.path("/sms/statistics"), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/sms/statistics?from=2025-10-01&to=2035-01-01"), null, key(sender))
                .status()).isEqualTo(200);
        assertThat(http.send("GET", sender.path("/client/statistics"), null, key(sender)).status()).isEqualTo(200);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void cancellingAScheduledSmsAndCancellingItAgainMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        String id = scheduled(sender);

        assertThat(http.send("DELETE", sender.path("/sms/" + id), null, key(sender)).status()).isEqualTo(200);
        Http.Response again = http.send("DELETE", sender.path("/sms/" + id), null, key(sender));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("not_cancellable");
        assertThat(http.send("DELETE", sender.path("/sms/MSG-NOPE"), null, key(sender)).status()).isEqualTo(404);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void smsProblemsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender poor = app.sender("0.50");

        assertThat(http.sendBad("POST", sender.path("/sms/send"), "{\"recipient\": \"254712345678\", \"message\": \"\"}",
                json(sender, Map.of())).status()).isEqualTo(400);
        Http.Response invalid = http.send("POST", sender.path("/sms/send"),
                "{\"recipients\": [\"12345\", \"999\"], \"message\": \"Hello\"}", json(sender, Map.of()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asText()).isEqualTo("invalid_recipient");
        assertThat(http.send("POST", sender.path("/sms/send"),
                "{\"recipient\": \"254712345678\", \"message\": \"Hello\", \"sender\": \"OTHER-CO\"}", json(sender, Map.of()))
                .status()).isEqualTo(422);
        assertThat(http.send("POST", poor.path("/sms/send"), "{\"recipient\": \"254712345678\", \"message\": \"Hello\"}",
                json(poor, Map.of())).status()).isEqualTo(402);
        assertThat(http.send("GET", sender.path("/sms/status/MSG-NOPE"), null, key(sender)).status()).isEqualTo(404);
        assertThat(http.sendBad("GET", sender.path("/sms/history?status=lost"), null, key(sender)).status())
                .isEqualTo(400);
        assertThat(http.sendBad("POST", sender.path("/sms/send"), "recipient=254712345678&message=Hello",
                Map.of("X-API-Key", sender.apiKey(), "Content-Type", "application/x-www-form-urlencoded")).status())
                .isEqualTo(415);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void onfonDeliveryReportsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        String query = "?messageId=7444f504-6760-43fd-9b40-2708da61d114&mobile=254712345678&status=DELIVRD&errorCode=000";

        assertThat(http.send("GET", "/api/webhooks/onfon/dlr/" + DLR_TOKEN + query, null, Map.of()).status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/api/webhooks/onfon/dlr/" + DLR_TOKEN,
                "{\"messageId\": \"7444f504-6760-43fd-9b40-2708da61d114\", \"mobile\": \"254712345678\", \"status\": \"DELIVRD\"}",
                Map.of("Content-Type", "application/json")).status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/webhooks/onfon/dlr/wrong-token" + query, null, Map.of()).status())
                .isEqualTo(404);
        assertThat(http.sendBad("GET", "/api/webhooks/onfon/dlr/" + DLR_TOKEN + "?mobile=254712345678", null, Map.of())
                .status()).isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void sendingOnBothChannelsAndFollowingMessagesMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender s = app.sender("100.00");

        Http.Response template = http.send("POST", s.path("/messages/send"), "{\"channel\": \"whatsapp\", \"recipient\": "
                + "\"0712345678\", \"template\": {\"name\": \"order_update\", \"language\": \"en\", \"parameters\": "
                + "[\"Amina\", \"ORD-1182\"]}, \"reference\": \"ORD-1182\"}", json(s, Map.of("Idempotency-Key", "wa-1")));
        assertThat(template.status()).isEqualTo(202);
        String id = template.json().get("message_id").asText();
        assertThat(http.send("POST", s.path("/messages/send"), "{\"channel\": \"whatsapp\", \"recipients\": "
                + "[\"0712345678\", \"0722000111\", \"12345\"], \"template\": {\"name\": \"hello_world\"}}",
                json(s, Map.of())).status()).isEqualTo(202);
        assertThat(http.send("POST", s.path("/messages/send"), "{\"channel\": \"sms\", \"recipient\": \"0712345678\", "
                + "\"message\": \"Hello\"}", json(s, Map.of())).status()).isEqualTo(202);
        assertThat(http.send("GET", s.path("/messages/" + id), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/messages?channel=whatsapp&per_page=2"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/messages?direction=inbound"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/whatsapp/templates"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void messageProblemsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender s = app.sender("0.50");

        assertThat(http.send("POST", s.path("/messages/send"), "{\"channel\": \"whatsapp\", \"recipient\": "
                + "\"0712345678\", \"text\": \"Your results are ready\"}", json(s, Map.of())).status()).isEqualTo(422);
        assertThat(http.send("POST", s.path("/messages/send"), "{\"channel\": \"whatsapp\", \"recipient\": "
                + "\"0712345678\", \"template\": {\"name\": \"order_updat\"}}", json(s, Map.of())).status())
                .isEqualTo(422);
        assertThat(http.sendBad("POST", s.path("/messages/send"), "{\"channel\": \"whatsapp\", \"recipient\": "
                + "\"0712345678\", \"template\": {\"name\": \"order_update\", \"parameters\": [\"Amina\"]}}",
                json(s, Map.of())).status()).isEqualTo(400);
        assertThat(http.send("POST", s.path("/messages/send"), "{\"channel\": \"whatsapp\", \"recipient\": "
                + "\"0712345678\", \"template\": {\"name\": \"weekend_offer\", \"parameters\": [\"20%\"]}}",
                json(s, Map.of())).status()).isEqualTo(402);
        assertThat(http.send("GET", s.path("/messages/MSG-NOPE"), null, key(s)).status()).isEqualTo(404);
        assertThat(http.sendBad("GET", s.path("/messages?channel=fax"), null, key(s)).status()).isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void metaWebhooksMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        String token = app.platform().whatsappVerifyToken();
        assertThat(http.send("GET", "/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + token, null, Map.of()).status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess",
                null, Map.of()).status()).isEqualTo(403);
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"wamid.X\","
                + "\"status\":\"delivered\",\"timestamp\":\"1694492484\",\"recipient_id\":\"254712345678\"}]}}]}]}";
        String signature = app.platform().metaSignature().sign(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.send("POST", "/api/webhooks/whatsapp", body, Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", signature)).status()).isEqualTo(200);
        assertThat(http.send("POST", "/api/webhooks/whatsapp", body, Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", "sha256=" + "0".repeat(64))).status()).isEqualTo(401);
        assertThat(http.mismatches()).isEmpty();
    }

    /** A message scheduled for tomorrow: the one kind that can be cancelled. */
    static String scheduled(Sender s) {
        Http.Response r = s.post("/sms/send", "{\"recipient\": \"254712345678\", \"message\": \"Reminder\", \"schedule_at\": \""
                + java.time.Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("message_id").asText();
    }

    @Test
    void contactsGroupsImportAndOptOutsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender s = app.sender("20.00");
        Map<String, String> json = Map.of("X-API-Key", s.apiKey(), "Content-Type", "application/json");
        Http.Response created = http.send("POST", s.path("/contacts"), "{\"phone\": \"0722110171\", \"name\": "
                + "\"Amina Otieno\", \"attributes\": {\"student\": \"Baraka\"}, \"groups\": [\"parents-form-2\"]}", json);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("contact_id").asText();
        assertThat(http.sendBad("POST", s.path("/contacts"), "{\"phone\": \"+254722110171\"}", json).status())
                .isEqualTo(409);
        assertThat(http.sendBad("POST", s.path("/contacts"), "{\"phone\": \"12345\"}", json).status()).isEqualTo(400);
        assertThat(http.send("GET", s.path("/contacts?group=parents-form-2&search=amina"), null, key(s)).status())
                .isEqualTo(200);
        assertThat(http.send("GET", s.path("/contacts?format=csv"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/contacts/" + id), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("PATCH", s.path("/contacts/" + id), "{\"attributes\": {\"form\": \"3\"}}", json).status())
                .isEqualTo(200);
        assertThat(http.sendBad("GET", app.sender("1.00").path("/contacts/" + id), null, key(s)).status()).isEqualTo(403);
        assertThat(http.send("GET", s.path("/groups"), null, key(s)).status()).isEqualTo(200);
        Map<String, String> csv = Map.of("X-API-Key", s.apiKey(), "Content-Type", "text/csv");
        Http.Response imported = http.send("POST", s.path("/contacts/import?group=parents-form-2"),
                "phone,name\n0722110172,Brian\n", csv);
        assertThat(imported.status()).isEqualTo(202);
        assertThat(http.send("GET", s.path("/contacts/import/" + imported.json().get("import_id").asText()), null, key(s))
                .status()).isEqualTo(200);
        assertThat(http.sendBad("POST", s.path("/contacts/import"), "name\nAmina\n", csv).status()).isEqualTo(400);
        assertThat(http.sendBad("POST", s.path("/contacts/import"), "{}", json).status()).isEqualTo(415);
        assertThat(http.send("POST", s.path("/opt-outs"), "{\"phone\": \"0722110173\", \"reason\": \"asked\"}", json)
                .status()).isEqualTo(201);
        assertThat(http.send("GET", s.path("/opt-outs"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.sendBad("POST", s.path("/sms/send"), "{\"recipient\": \"0722110173\", \"message\": \"Hi\"}",
                json).status()).isEqualTo(422);
        assertThat(http.send("DELETE", s.path("/opt-outs/0722110173"), null, key(s)).status()).isEqualTo(204);
        assertThat(http.send("DELETE", s.path("/opt-outs/0722110173"), null, key(s)).status()).isEqualTo(404);
        assertThat(http.send("DELETE", s.path("/groups/parents-form-2"), null, key(s)).status()).isEqualTo(204);
        assertThat(http.send("DELETE", s.path("/contacts/" + id), null, key(s)).status()).isEqualTo(204);
        assertThat(http.send("GET", s.path("/contacts/" + id), null, key(s)).status()).isEqualTo(404);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void campaignsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender s = app.sender("2.00");
        Map<String, String> json = Map.of("X-API-Key", s.apiKey(), "Content-Type", "application/json");
        for (int i = 0; i < 3; i++) {
            s.post("/contacts", "{\"phone\": \"072211018" + i + "\", \"name\": \"P" + i + "\", \"groups\": [\"form-2\"]}");
        }
        String body = "{\"name\": \"Term 3 fees\", \"channel\": \"sms\", \"message\": \"Dear {{name}}, fees for "
                + "{{student|your child}} are due.\", \"audience\": {\"groups\": [\"form-2\"]}}";
        Http.Response created = http.send("POST", s.path("/campaigns"), body, json);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("campaign_id").asText();
        assertThat(http.sendBad("POST", s.path("/campaigns"), body.replace("{{name}}", "{{Name}}"), json).status())
                .isEqualTo(400);
        assertThat(http.send("GET", s.path("/campaigns"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/" + id), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/" + id + "/preview"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.sendBad("POST", s.path("/campaigns/" + id + "/launch"), null, key(s)).status()).isEqualTo(402);
        assertThat(http.sendBad("POST", s.path("/campaigns/" + id + "/pause"), null, key(s)).status()).isEqualTo(409);
        app.platform().wallet().manualCredit(s.clientId(), io.jumbe.core.common.Money.parse("10.00"), "test", "credit for the launch", "admin");
        String scheduled = http.send("POST", s.path("/campaigns"), body.substring(0, body.length() - 1) + (", \"schedule_at\": \""
                + java.time.Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\"}"), json).json().get("campaign_id").asText();
        assertThat(http.send("POST", s.path("/campaigns/" + scheduled + "/launch"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("POST", s.path("/campaigns/" + scheduled + "/pause"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("POST", s.path("/campaigns/" + scheduled + "/resume"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/" + scheduled + "/recipients?status=pending"), null, key(s))
                .status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/" + scheduled + "/recipients?format=csv"), null, key(s))
                .status()).isEqualTo(200);
        assertThat(http.send("POST", s.path("/campaigns/" + scheduled + "/cancel"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("POST", s.path("/campaigns/" + id + "/cancel"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/CMP-NOPE"), null, key(s)).status()).isEqualTo(404);

        // a WhatsApp-template campaign: its draft, preview, recipients and the template's problems
        String whatsapp = "{\"name\": \"Order updates\", \"channel\": \"whatsapp\", \"template\": {\"name\": "
                + "\"order_update\", \"language\": \"en\", \"parameters\": [\"{{name}}\", \"{{order|soon}}\"]}, "
                + "\"audience\": {\"groups\": [\"form-2\"]}}";
        Http.Response wa = http.send("POST", s.path("/campaigns"), whatsapp, json);
        assertThat(wa.status()).as(wa.body()).isEqualTo(201);
        String waId = wa.json().get("campaign_id").asText();
        assertThat(http.send("GET", s.path("/campaigns/" + waId + "/preview"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.sendBad("POST", s.path("/campaigns"), whatsapp.replace("order_update", "order_updat"), json)
                .status()).isEqualTo(422);
        assertThat(http.sendBad("POST", s.path("/campaigns"), whatsapp.replace(", \"{{order|soon}}\"", ""), json)
                .status()).isEqualTo(400);
        assertThat(http.send("POST", s.path("/campaigns/" + waId + "/launch"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/" + waId + "/recipients"), null, key(s)).status()).isEqualTo(200);
        assertThat(http.send("GET", s.path("/campaigns/" + waId), null, key(s)).status()).isEqualTo(200);
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void webhookConfigurationTestSendAndDeliveryLogMatchTheDocument() throws Exception {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender tenant = app.sender("10.00");
        try (Receiver receiver = new Receiver()) {
            Http.Response put = http.send("PUT", tenant.path("/webhooks/config"), "{\"webhook_url\": \"" + receiver.url()
                    + "\", \"events\": [\"balance.updated\", \"message.delivered\", \"topup.completed\"]}", json(tenant, Map.of()));
            assertThat(put.status()).isEqualTo(200);
            assertThat(http.send("GET", tenant.path("/webhooks/config"), null, key(tenant)).status()).isEqualTo(200);
            assertThat(http.send("POST", tenant.path("/webhooks/secret/rotate"), null, key(tenant)).status())
                    .isEqualTo(200);
            Http.Response test = http.send("POST", tenant.path("/webhooks/test"), null, key(tenant));
            assertThat(test.status()).isEqualTo(200);
            String delivery = test.json().get("delivery_id").asText();
            assertThat(http.send("GET", tenant.path("/webhooks/deliveries"), null, key(tenant)).status()).isEqualTo(200);
            assertThat(http.send("GET", tenant.path("/webhooks/deliveries?status=succeeded&page=1&per_page=20"), null,
                    key(tenant)).status()).isEqualTo(200);
            assertThat(http.send("GET", tenant.path("/webhooks/deliveries?starting_after=" + delivery), null,
                    key(tenant)).status()).isEqualTo(200);
            assertThat(http.send("GET", tenant.path("/webhooks/deliveries/" + delivery), null, key(tenant)).status())
                    .isEqualTo(200);
            assertThat(http.send("POST", tenant.path("/webhooks/deliveries/" + delivery + "/retry"), null, key(tenant))
                    .status()).isEqualTo(202);
            assertThat(http.send("GET", tenant.path("/webhooks/deliveries/WH-NOPE"), null, key(tenant)).status())
                    .isEqualTo(404);
            assertThat(http.send("DELETE", tenant.path("/webhooks/config"), null, key(tenant)).status()).isEqualTo(200);
        }
        assertThat(http.mismatches()).isEmpty();
    }

    @Test
    void webhookProblemsMatchTheDocument() {
        CheckedHttp http = new CheckedHttp(app.http());
        Sender tenant = app.sender("10.00");

        assertThat(http.sendBad("PUT", tenant.path("/webhooks/config"),
                "{\"webhook_url\": \"https://crm.example.co.ke/hooks\", \"events\": [\"money.stolen\"]}", json(tenant, Map.of()))
                .status()).isEqualTo(400);
        assertThat(http.sendBad("PUT", tenant.path("/webhooks/config"),
                "{\"webhook_url\": \"ftp://crm.example.co.ke/hooks\", \"events\": [\"balance.updated\"]}",
                json(tenant, Map.of())).status()).isEqualTo(400);
        assertThat(http.sendBad("GET", tenant.path("/webhooks/deliveries?status=lost"), null, key(tenant)).status())
                .isEqualTo(400);
        assertThat(http.mismatches()).isEmpty();
    }

    /** The server's routes as {@code METHOD /path/{}}, leaving out the mounted simulators and the docs themselves. */
    static Set<String> served(TestApp app) {
        Set<String> routes = new TreeSet<>();
        for (String route : app.application().routes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (path.startsWith("/simulators/") || path.equals("/docs") || path.startsWith("/docs/")
                    || path.equals("/openapi.yaml")) {
                continue;
            }
            routes.add(normalise(route));
        }
        return routes;
    }

    /** The document's operations as {@code METHOD /path/{}}. */
    static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            operations.add(normalise(op.method() + " " + op.path()));
        }
        return operations;
    }

    // Parameter names are not part of the wire contract; Javalin and the document may spell them differently.
    private static String normalise(String route) {
        return route.replaceAll("\\{[^}]*}|<[^>]*>", "{}");
    }

    /** A tenant's webhook receiver that accepts every delivery. */
    static final class Receiver implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        Receiver() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jumbe/webhooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static Map<String, String> key(Sender s) {
        return Map.of("X-API-Key", s.apiKey());
    }

    static Map<String, String> json(Sender s, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(extra);
        headers.put("X-API-Key", s.apiKey());
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
