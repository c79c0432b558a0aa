package io.jumbe.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Meta's verification GET and the X-Hub-Signature-256 check of its POSTs, over HTTP. */
class MetaWebhookVerificationTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.h2(), WhatsAppFlowTest.ENV);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theChallengeIsEchoedAsPlainTextForTheRightVerifyToken() {
        Http.Response r = app.http().get("/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444"
                + "&hub.verify_token=test-verify-token");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("1158201444");
        assertThat(r.contentType()).startsWith("text/plain");
    }

    @Test
    void aWrongVerifyTokenOrModeIsForbidden() {
        assertThat(app.http().get("/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess")
                .status()).isEqualTo(403);
        assertThat(app.http().get("/api/webhooks/whatsapp?hub.mode=unsubscribe&hub.challenge=1"
                + "&hub.verify_token=test-verify-token").status()).isEqualTo(403);
    }

    @Test
    void aGeneratedVerifyTokenIsKeptAcrossRestarts() {
        try (TestApp own = TestApp.start(TestDatabases.h2())) {
            String token = own.platform().whatsappVerifyToken();
            assertThat(token).hasSizeGreaterThan(20);
            assertThat(own.platform().settings().secretToken("WHATSAPP_VERIFY_TOKEN", java.util.Optional.empty()))
                    .isEqualTo(token);
        }
    }

    @Test
    void aSignedNotificationIsApplied() {
        Sender s = app.sender("10.00");
        String id = WhatsAppFlowTest.sendTemplate(s, "0712340005"); // no status ever from the simulator
        WhatsAppFlowTest.awaitStatus(s, id, "sent");
        String wamid = app.platform().whatsapp().get(s.clientId(), id).upstreamMessageId();
        byte[] body = delivered(wamid).getBytes(StandardCharsets.UTF_8);

        Http.Response r = post(body, app.platform().metaSignature().sign(body));

        assertThat(r.status()).isEqualTo(200);
        assertThat(s.get("/messages/" + id).json().get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void aMissingOrWrongSignatureIs401AndNothingIsApplied() {
        Sender s = app.sender("10.00");
        String id = WhatsAppFlowTest.sendTemplate(s, "0712350005");
        WhatsAppFlowTest.awaitStatus(s, id, "sent");
        String wamid = app.platform().whatsapp().get(s.clientId(), id).upstreamMessageId();
        byte[] body = delivered(wamid).getBytes(StandardCharsets.UTF_8);

        assertThat(post(body, null).status()).isEqualTo(401);
        assertThat(post(body, "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
        byte[] other = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(post(body, app.platform().metaSignature().sign(other)).status()).isEqualTo(401);

        assertThat(s.get("/messages/" + id).json().get("status").asText()).isEqualTo("sent");
    }

    @Test
    void aBodyReserialisedByAProxyFailsTheSignatureOfTheOriginal() {
        Sender s = app.sender("10.00");
        String id = WhatsAppFlowTest.sendTemplate(s, "0712360005");
        WhatsAppFlowTest.awaitStatus(s, id, "sent");
        String wamid = app.platform().whatsapp().get(s.clientId(), id).upstreamMessageId();
        String original = delivered(wamid);
        String signature = app.platform().metaSignature().sign(original.getBytes(StandardCharsets.UTF_8));
        // the same JSON, as a proxy that parses and re-writes it would send it on
        String reserialised = original.replace(":", ": ").replace(",", ", ");

        Http.Response r = post(reserialised.getBytes(StandardCharsets.UTF_8), signature);

        assertThat(r.status()).isEqualTo(401);
        assertThat(s.get("/messages/" + id).json().get("status").asText()).isEqualTo("sent");
    }

    private static Http.Response post(byte[] body, String signature) {
        Map<String, String> headers = signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signature);
        return app.http().sendBytes("POST", "/api/webhooks/whatsapp", body, headers);
    }

    private static String delivered(String wamid) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"200000000000001\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550984277\",\"phone_number_id\":\"100000000000001\"},\"statuses\":[{"
                + "\"id\":\"" + wamid + "\",\"status\":\"delivered\",\"timestamp\":\"1694492484\","
                + "\"recipient_id\":\"254712340005\"}]}}]}]}";
    }
}
