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
        // Contacts and campaigns: each language gets its own fresh numbers and ids where an example changes state.
        EXPECTED.put("createContact", Expected.of(201, "\"contact_id\":\"CON-", "\"groups\":[\"parents-form-2\"]"));
        EXPECTED.put("listContacts", Expected.of(200, "\"data\":[", "\"meta\":"));
        EXPECTED.put("getContact", Expected.of(200, "\"contact_id\":\"CON-", "\"student\":\"Baraka\""));
        EXPECTED.put("updateContact", Expected.of(200, "\"form\":\"3\""));
        EXPECTED.put("importContacts", Expected.of(202, "\"import_id\":\"IMP-", "\"status\":\"processing\""));
        EXPECTED.put("getContactImport", Expected.of(200, "\"import_id\":\"IMP-", "\"status\":\"completed\""));
        EXPECTED.put("listGroups", Expected.of(200, "\"name\":\"parents-form-2\""));
        EXPECTED.put("deleteGroup", Expected.of(204));
        EXPECTED.put("createOptOut", Expected.of(201, "\"source\":\"api\"", "\"opted_out_at\":"));
        EXPECTED.put("listOptOuts", Expected.of(200, "\"data\":[", "\"source\":\"api\""));
        EXPECTED.put("deleteOptOut", Expected.of(204));
        EXPECTED.put("deleteContact", Expected.of(204));
        EXPECTED.put("createCampaign", Expected.of(201, "\"campaign_id\":\"CMP-", "\"status\":\"draft\""));
        // not an operation of its own: the Contacts and campaigns page's WhatsApp example of createCampaign
        EXPECTED.put("createWhatsAppCampaign", Expected.of(201, "\"channel\":\"whatsapp\"", "\"category\":\"utility\"",
                "\"recipients\":1", "\"estimated_cost\":1.00"));
        EXPECTED.put("listCampaigns", Expected.of(200, "\"data\":[", "\"campaign_id\":\"CMP-"));
        EXPECTED.put("getCampaign", Expected.of(200, "\"status\":\"draft\"", "\"estimated_cost\":"));
        EXPECTED.put("previewCampaign", Expected.of(200, "\"message\":\"Dear "));
        EXPECTED.put("listCampaignRecipients", Expected.of(200, "\"data\":[", "\"meta\":"));
        EXPECTED.put("launchCampaign", Expected.of(200, "\"status\":\"running\"", "\"charged\":"));
        EXPECTED.put("pauseCampaign", Expected.of(200, "\"status\":\"paused\""));
        EXPECTED.put("resumeCampaign", Expected.of(200, "\"status\":\"scheduled\""));
        EXPECTED.put("cancelCampaign", Expected.of(200, "\"status\":\"cancelled\""));
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
        Http.Response contact = sender.post("/contacts", "{\"phone\": \"0722110101\", \"name\": \"Amina Otieno\", "
                + "\"attributes\": {\"student\": \"Baraka\"}, \"groups\": [\"parents-form-2\"]}");
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        environment.put("CONTACT_ID", contact.json().get("contact_id").asText());
        Http.Response customer = sender.post("/contacts", "{\"phone\": \"0722110109\", \"name\": \"Juma Mwangi\", "
                + "\"attributes\": {\"order\": \"ORD-1182\"}, \"groups\": [\"customers\"]}");
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        Http.Response imported = app.http().sendBytes("POST", sender.path("/contacts/import"),
                "phone,name\n0722110102,Brian\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("X-API-Key", sender.apiKey(), "Content-Type", "text/csv"));
        String importId = imported.json().get("import_id").asText();
        io.jumbe.server.testing.Eventually.until("import completed", java.time.Duration.ofSeconds(30),
                () -> sender.get("/contacts/import/" + importId).json().get("status").asText().equals("completed"));
        environment.put("IMPORT_ID", importId);
        environment.put("CAMPAIGN_ID", campaign(null));
    }

    private static int fresh;

    /** A new draft to the group (scheduled a day ahead when {@code scheduled}). */
    private static String campaign(String scheduleAt) {
        Http.Response r = sender.post("/campaigns", "{\"name\": \"Term 3 fees\", \"message\": \"Dear {{name}}, fees "
                + "are due.\", \"audience\": {\"groups\": [\"parents-form-2\"]}"
                + (scheduleAt == null ? "" : ", \"schedule_at\": \"" + scheduleAt + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("campaign_id").asText();
    }

    /** What an example that changes state needs afresh in every language. */
    private static Map<String, String> freshFor(String operationId, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        String tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        switch (operationId) {
            case "createContact" -> env.put("CONTACT_PHONE", "07221102" + String.format("%02d", ++fresh));
            case "deleteContact" -> {
                Http.Response c = sender.post("/contacts", "{\"phone\": \"07221103" + String.format("%02d", ++fresh)
                        + "\"}");
                env.put("CONTACT_ID", c.json().get("contact_id").asText());
            }
            case "deleteGroup" -> {
                String group = "old-list-" + (++fresh);
                sender.post("/contacts", "{\"phone\": \"07221104" + String.format("%02d", fresh) + "\", \"groups\": [\""
                        + group + "\"]}");
                env.put("GROUP_NAME", group);
            }
            case "createOptOut", "deleteOptOut" -> env.put("OPT_OUT_PHONE", "0722110160");
            case "launchCampaign", "cancelCampaign" -> env.put("CAMPAIGN_ID", campaign(null));
            case "pauseCampaign" -> {
                String id = campaign(tomorrow);
                assertThat(sender.post("/campaigns/" + id + "/launch", "").status()).isEqualTo(200);
                env.put("CAMPAIGN_ID", id);
            }
            case "resumeCampaign" -> {
                String id = campaign(tomorrow);
                assertThat(sender.post("/campaigns/" + id + "/launch", "").status()).isEqualTo(200);
                assertThat(sender.post("/campaigns/" + id + "/pause", "").status()).isEqualTo(200);
                env.put("CAMPAIGN_ID", id);
            }
            default -> {
                return environment;
            }
        }
        return env;
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
            Map<String, String> env = freshFor(example.getKey(), environment);
            if (example.getKey().equals("createSignup")) {
                // one address may apply 3 times a day: each language's run starts from no applications
                app.platform().jdbi().useHandle(h -> h.execute("DELETE FROM signups"));
            }
            if (example.getKey().equals("resetSandbox")) {
                // only test mode can be reset: the example runs with the sender's test key
                env = new HashMap<>(env);
                env.put("JUMBE_API_KEY", testKey);
            }
            if (example.getKey().equals("cancelSms")) {
                // only a scheduled message can be cancelled, and only once: a fresh one for every language
                env = new HashMap<>(env);
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
