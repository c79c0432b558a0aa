package io.jumbe.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.webhooks.Webhook;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs each sample's logic against a MockWebServer playing the API and checks what it prints. */
class SamplesTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final MockWebServer server = new MockWebServer();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server.start();
        env = new HashMap<>(Map.of("JUMBE_BASE_URL", server.url("/").toString(), "JUMBE_CLIENT_ID", "2",
                "JUMBE_API_KEY", "sk_test_x"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void json(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                .build());
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sendSmsPrintsTheQueuedMessageAndItsStatus() {
        json("{\"status\":\"queued\",\"message_id\":\"MSG-1\",\"recipient\":\"254712345678\",\"segments\":1,"
                + "\"encoding\":\"GSM-7\",\"cost\":1.00,\"balance\":99.00}");
        json("{\"message_id\":\"MSG-1\",\"status\":\"queued\",\"segments\":1,\"refunded\":false}");

        int status = Sample.execute(SendSms::run, env, out);

        assertThat(status).isZero();
        assertThat(printed()).contains("queued MSG-1 to 254712345678: 1 segment(s), GSM-7, cost KES 1.00")
                .contains("balance KES 99.00").contains("status queued");
    }

    @Test
    void bulkSendPrintsQuoteMessagesAndRejections() {
        json("{\"segments\":1,\"encoding\":\"GSM-7\",\"characters\":20,\"recipients\":2,\"total_cost\":2.00,"
                + "\"sufficient_balance\":true}");
        json("{\"status\":\"queued\",\"batch_id\":\"B-1\",\"messages\":[{\"message_id\":\"MSG-1\",\"recipient\":"
                + "\"254712345678\",\"segments\":1},{\"message_id\":\"MSG-2\",\"recipient\":\"254712345679\","
                + "\"segments\":1}],\"total_cost\":2.00,"
                + "\"balance\":98.00,\"rejected\":[{\"recipient\":\"12345\",\"code\":\"invalid_recipient\"}]}");

        assertThat(Sample.execute(BulkSend::run, env, out)).isZero();

        assertThat(printed()).contains("quote: 1 segment(s) each, total KES 2.00")
                .contains("queued 2 message(s) in batch B-1, total KES 2.00")
                .contains("MSG-2 -> 254712345679").contains("rejected 12345: invalid_recipient");
    }

    @Test
    void topUpPushesThenWaitsForCompletion() {
        json("{\"status\":\"pending\",\"message\":\"Check your phone for the M-Pesa prompt\","
                + "\"transaction_id\":\"TXN-1\",\"amount\":100.00,\"checkout_request_id\":\"ws_CO_1\"}");
        json("{\"transaction_id\":\"TXN-1\",\"status\":\"completed\",\"mpesa_receipt\":\"QJK1\"}");
        json("{\"balance\":200.00,\"currency\":\"KES\",\"units\":200,\"price_per_unit\":1.00}");

        assertThat(Sample.execute(TopUp::run, env, out)).isZero();

        assertThat(printed()).contains("pushed TXN-1 for KES 100.00").contains("completed: receipt QJK1")
                .contains("balance KES 200.00");
    }

    @Test
    void checkBalancePrintsBalanceAndTheMonth() {
        json("{\"balance\":1049.00,\"currency\":\"KES\",\"units\":1049,\"price_per_unit\":1.00}");
        json("{\"messages_sent\":3,\"messages_delivered\":2,\"messages_failed\":1,\"spend\":3.00}");

        assertThat(Sample.execute(CheckBalance::run, env, out)).isZero();

        assertThat(printed()).contains("balance KES 1049.00 (1049 SMS at KES 1.00)")
                .contains("this month: 3 sent, 2 delivered, 1 failed, spend KES 3.00");
    }

    @Test
    void aSamplePrintsTheProblemAndFailsWhenTheApiRefuses() {
        server.enqueue(new MockResponse.Builder().code(402).addHeader("Content-Type", "application/problem+json")
                .body("{\"status\":402,\"code\":\"insufficient_balance\",\"detail\":\"Balance 0.00 is less than 1.00\"}")
                .build());

        assertThat(Sample.execute(SendSms::run, env, out)).isEqualTo(1);
        assertThat(printed()).contains("error: HTTP 402 insufficient_balance: Balance 0.00 is less than 1.00");
    }

    @Test
    void aSampleSaysWhichVariableIsMissing() {
        env.remove("JUMBE_API_KEY");
        assertThat(Sample.execute(CheckBalance::run, env, out)).isEqualTo(2);
        assertThat(printed()).contains("JUMBE_API_KEY is not set");
    }

    @Test
    void webhookReceiverVerifiesAndPrintsASignedDeliveryAndRejectsAForgedOne() throws Exception {
        env.put("PORT", "0");
        env.put("JUMBE_WEBHOOK_SECRET", SECRET);
        try (WebhookReceiver receiver = WebhookReceiver.start(env, out)) {
            String body = "{\"event\":\"message.delivered\",\"client_id\":2,\"timestamp\":\"2025-10-09T14:35:00Z\","
                    + "\"sequence\":7,\"data\":{\"message_id\":\"MSG-1\",\"recipient\":\"254712345678\","
                    + "\"status\":\"delivered\"}}";
            long ts = Instant.now().getEpochSecond();
            String signature = new Webhook(SECRET).sign("msg_1", ts, body.getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://localhost:" + receiver.port() + "/webhooks");

            HttpResponse<String> good = http.send(HttpRequest.newBuilder(uri).header("webhook-id", "msg_1")
                    .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(uri).header("webhook-id", "msg_1")
                    .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body.replace("MSG-1", "MSG-2"))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(printed()).contains("verified message.delivered msg_1 #7: MSG-1 delivered to 254712345678")
                    .contains("rejected delivery: NO_MATCHING_SIGNATURE");
        }
    }
}
