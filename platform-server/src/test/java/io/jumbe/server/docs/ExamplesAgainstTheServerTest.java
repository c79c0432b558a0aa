package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.DocsModule;
import io.jumbe.docs.ExampleRunner;
import io.jumbe.docs.Language;
import io.jumbe.docs.OpenApiDocument;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the docs' cURL, Python, Node.js and PHP examples, as a reader would copy them, against the real server in
 * this JVM, and checks each answer's status and key fields. An example that only works against a stub teaches
 * nothing.
 */
class ExamplesAgainstTheServerTest {
    private static final Pattern STATUS = Pattern.compile("HTTP(?:/[0-9.]+)? (\\d{3})");

    /** What each example must get from the server: its status and words its output must contain. */
    private record Expected(int status, List<String> contains) {
        static Expected of(int status, String... contains) {
            return new Expected(status, List.of(contains));
        }
    }

    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("getHealth", Expected.of(200, "\"status\":\"ok\""));
        EXPECTED.put("getMetrics", Expected.of(200, "http_server_requests"));
        EXPECTED.put("sendSms", Expected.of(202, "\"status\":\"queued\"", "\"message_id\":\"MSG-", "\"encoding\":\"GSM-7\""));
        EXPECTED.put("quoteSms", Expected.of(200, "\"segments\":1", "\"total_cost\":2.00"));
        EXPECTED.put("getSmsStatus", Expected.of(200, "\"message_id\":\"MSG-", "\"recipient\":\"254712345678\""));
        EXPECTED.put("listSmsHistory", Expected.of(200, "\"data\":[", "\"has_more\":false"));
        EXPECTED.put("getSmsStatistics", Expected.of(200, "\"today\":", "\"this_month\":"));
        EXPECTED.put("cancelSms", Expected.of(200, "\"status\":\"cancelled\"", "\"refunded\":true"));
        EXPECTED.put("sendMessage", Expected.of(202, "\"status\":\"queued\"", "\"channel\":\"whatsapp\"",
                "\"category\":\"utility\""));
        EXPECTED.put("getMessage", Expected.of(200, "\"message_id\":\"MSG-", "\"channel\":\"sms\""));
        EXPECTED.put("listMessages", Expected.of(200, "\"data\":[", "\"meta\":"));
        EXPECTED.put("listWhatsAppTemplates", Expected.of(200, "\"name\":\"order_update\"", "\"parameters\":2"));
        EXPECTED.put("whatsappWebhookVerify", Expected.of(200, "1158201444"));
        EXPECTED.put("whatsappWebhookNotification", Expected.of(200, "\"status\":\"ok\""));
        EXPECTED.put("getAccount", Expected.of(200, "\"tier\":", "\"rate_limit_per_minute\":", "\"sender_ids\":[",
                "\"mode\":\"live\""));
        EXPECTED.put("getNotificationSettings", Expected.of(200, "\"low_balance_threshold\":", "\"emails\":{"));
        EXPECTED.put("updateNotificationSettings", Expected.of(200, "\"cc\":[\"finance@falley.co.ke\"]",
                "\"topup\":false"));
        EXPECTED.put("createSignup", Expected.of(202, "\"status\":\"verification_sent\""));
        EXPECTED.put("verifySignup", Expected.of(400, "\"code\":\"validation_failed\"", "\"field\":\"token\""));
        EXPECTED.put("analyticsSummary", Expected.of(200, "\"today\":", "\"this_month\":", "\"by_channel\":"));
        EXPECTED.put("analyticsDaily", Expected.of(200, "\"date\":\"2025-10-01\"", "\"date\":\"2025-10-09\""));
        EXPECTED.put("resetSandbox", Expected.of(200, "\"mode\":\"test\"", "\"balance\":1000.00"));
        EXPECTED.put("getAccountStatistics", Expected.of(200, "\"messages_sent\":", "\"currency\":\"KES\""));
        EXPECTED.put("onfonDeliveryReportGet", Expected.of(200, "\"status\":\"ok\""));
        EXPECTED.put("onfonDeliveryReportPost", Expected.of(200, "\"status\":\"ok\""));
        EXPECTED.put("getBalance", Expected.of(200, "\"balance\":", "\"currency\":\"KES\"", "\"price_per_unit\":"));
        EXPECTED.put("topUp", Expected.of(202, "\"status\":\"pending\"", "\"transaction_id\":\"TXN-",
                "\"checkout_request_id\":"));
        EXPECTED.put("getTopUp", Expected.of(200, "\"transaction_id\":\"TXN-", "\"payment_method\":\"mpesa\""));
        EXPECTED.put("requestManualTopUp", Expected.of(202, "\"transaction_id\":\"TXN-", "\"reference\":\"bank slip 123\""));
        EXPECTED.put("listTransactions", Expected.of(200, "\"data\":[", "\"type\":\"credit\"", "\"meta\":"));
        EXPECTED.put("downloadTransactionsCsv", Expected.of(200, "transaction_id,type,amount"));
        EXPECTED.put("mpesaStkCallback", Expected.of(200, "\"ResultCode\":0"));
        EXPECTED.put("mpesaTimeout", Expected.of(200, "\"ResultCode\":0"));
        // Webhook examples in the order a reader would try them; the last one turns webhooks off again.
        EXPECTED.put("putWebhookConfig", Expected.of(200, "\"enabled\":true", "\"webhook_url\":\"http://127.0.0.1:"));
        EXPECTED.put("getWebhookConfig", Expected.of(200, "\"enabled\":true"));
        EXPECTED.put("rotateWebhookSecret", Expected.of(200, "\"webhook_secret\":\"whsec_", "\"previous_secret_valid_until\":"));
        EXPECTED.put("testWebhook", Expected.of(200, "\"delivery_id\":\"WH-", "\"success\":true"));
        EXPECTED.put("listWebhookDeliveries", Expected.of(200, "\"data\":[", "\"meta\":"));
        EXPECTED.put("getWebhookDelivery", Expected.of(200, "\"delivery_id\":\"WH-", "\"attempts\":["));
        EXPECTED.put("retryWebhookDelivery", Expected.of(202, "\"delivery_id\":\"WH-", "\"status\":\"pending\""));
        EXPECTED.put("deleteWebhookConfig", Expected.of(200, "\"enabled\":false"));
    }

    private static TestApp app;
    private static OpenApiContractTest.Receiver receiver;
    private static Sender sender;
    private static Map<String, String> environment;
    private static String testKey;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(TestDatabases.h2(), Map.of("MPESA_CALLBACK_TOKEN", OpenApiContractTest.CALLBACK_TOKEN,
                "ONFON_DLR_TOKEN", OpenApiContractTest.DLR_TOKEN, "WHATSAPP_VERIFY_TOKEN", "whatsapp-verify-token-for-tests"));
        sender = app.sender("1049.00");
        Http.Response topUp = sender.post("/wallet/topup",
                "{\"amount\": 1000, \"payment_method\": \"mpesa\", \"phone_number\": \"254712345678\"}");
        assertThat(topUp.status()).isEqualTo(202);
        environment = new HashMap<>();
        environment.put("JUMBE_BASE_URL", app.baseUrl());
        environment.put("JUMBE_CLIENT_ID", Long.toString(sender.clientId()));
        environment.put("JUMBE_API_KEY", sender.apiKey());
        testKey = app.platform().apiKeys().create(sender.clientId(), true).secret();
        environment.put("TRANSACTION_ID", topUp.json().get("transaction_id").asText());
        environment.put("MPESA_CALLBACK_TOKEN", OpenApiContractTest.CALLBACK_TOKEN);
        environment.put("ONFON_DLR_TOKEN", OpenApiContractTest.DLR_TOKEN);
        // a link that was never sent: the example shows the documented 400
        environment.put("SIGNUP_TOKEN", "a-token-nobody-was-sent");
        environment.put("WHATSAPP_VERIFY_TOKEN", "whatsapp-verify-token-for-tests");
        environment.put("WHATSAPP_APP_SECRET", app.application().config().whatsapp().appSecret());
        Http.Response sms = sender.post("/sms/send", "{\"recipient\": \"254712345678\", \"message\": \"Hello\"}");
        assertThat(sms.status()).as(sms.body()).isEqualTo(202);
        environment.put("MESSAGE_ID", sms.json().get("message_id").asText());
        receiver = new OpenApiContractTest.Receiver();
        environment.put("WEBHOOK_URL", receiver.url());
        environment.put("DELIVERY_ID", testDelivery(sender));
    }

    @AfterAll
    static void stop() {
        app.close();
        receiver.close();
    }

    /** A delivery in the sender's log to read and retry: a test event to a receiver that is there. */
    private static String testDelivery(Sender sender) {
        assertThat(sender.put("/webhooks/config", "{\"webhook_url\": \"" + receiver.url()
                + "\", \"events\": [\"balance.updated\"]}").status()).isEqualTo(200);
        Http.Response test = sender.post("/webhooks/test", "");
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        return test.json().get("delivery_id").asText();
    }

    @Test
    void everyServedOperationsExampleIsRun() {
        List<String> served = new ArrayList<>();
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            if (OpenApiContractTest.served(app).contains(op.method() + " " + op.path().replaceAll("\\{[^}]*}", "{}"))) {
                served.add(op.operationId());
            }
        }

        assertThat(EXPECTED.keySet()).containsAll(served);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"curl", "python", "node", "php"})
    void theExamplesGetTheDocumentedAnswerFromTheServer(String languageId) throws Exception {
        Language language = Language.ALL.stream().filter(l -> l.id().equals(languageId)).findFirst().orElseThrow();
        String program = ExampleRunner.interpreter(language).get(0);
        assumeTrue(onPath(program), program + " is not installed");
        assumeTrue(!languageId.equals("curl") || onPath("curl"), "curl is not installed");
        ExampleRunner runner = new ExampleRunner(DocsModule.dir().resolve("src/examples"));

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Expected> example : EXPECTED.entrySet()) {
            Map<String, String> env = environment;
            if (example.getKey().equals("createSignup")) {
                // one address may apply 3 times a day: each language's run starts from no applications
                app.platform().jdbi().useHandle(h -> h.execute("DELETE FROM signups"));
            }
            if (example.getKey().equals("resetSandbox")) {
                // only test mode can be reset: the example runs with the sender's test key
                env = new HashMap<>(environment);
                env.put("JUMBE_API_KEY", testKey);
            }
            if (example.getKey().equals("cancelSms")) {
                // only a scheduled message can be cancelled, and only once: a fresh one for every language
                env = new HashMap<>(environment);
                env.put("MESSAGE_ID", OpenApiContractTest.scheduled(sender));
            }
            ExampleRunner.Result result = runner.run(language, example.getKey(), env);
            Matcher status = STATUS.matcher(result.output());
            String output = result.output().replaceAll("\":\\s+", "\":");
            boolean ok = result.exitCode() == 0 && status.find()
                    && Integer.parseInt(status.group(1)) == example.getValue().status()
                    && example.getValue().contains().stream().allMatch(output::contains);
            if (!ok) {
                failures.add(example.getKey() + " (" + languageId + ", exit " + result.exitCode() + ", expected "
                        + example.getValue() + "):\n" + result.output());
            }
        }

        assertThat(failures).isEmpty();
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
