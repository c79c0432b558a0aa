package io.jumbe.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.simulator.whatsapp.WhatsAppSimulator;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** WhatsApp end to end over HTTP against the built-in Graph API simulator, on both databases. */
class WhatsAppFlowTest {
    static final Map<String, String> ENV = Map.of("WHATSAPP_VERIFY_TOKEN", "test-verify-token");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTemplateIsSentDeliveredAndReadWithBalanceJournalAndEventsRight(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712340006\","
                    + "\"template\":{\"name\":\"order_update\",\"language\":\"en\",\"parameters\":[\"Amina\",\"ORD-1182\"]},"
                    + "\"reference\":\"ord-1182\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            String id = r.json().get("message_id").asText();
            assertThat(r.body()).isEqualTo("{\"status\":\"queued\",\"message_id\":\"" + id + "\",\"channel\":\"whatsapp\","
                    + "\"recipient\":\"254712340006\",\"category\":\"utility\",\"cost\":1.00,\"balance\":99.00}");

            awaitStatus(s, id, "read");

            JsonNode m = s.get("/messages/" + id).json();
            assertThat(m.get("channel").asText()).isEqualTo("whatsapp");
            assertThat(m.get("template").get("name").asText()).isEqualTo("order_update");
            assertThat(m.get("reference").asText()).isEqualTo("ord-1182");
            assertThat(m.get("delivered_at").isNull()).isFalse();
            assertThat(m.get("read_at").isNull()).isFalse();
            assertThat(m.get("refunded").asBoolean()).isFalse();
            WhatsAppSimulator.Received sent = simulator(app).received().get(0);
            assertThat(sent.template()).isEqualTo("order_update");
            assertThat(sent.parameters()).containsExactly("Amina", "ORD-1182");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("99.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = ? "
                    + "AND type = 'debit' AND amount_cents = 100", s.clientId())).isEqualTo(1);
            List<String> types = types(app.platform(), s.clientId());
            assertThat(types).contains(EventTypes.MESSAGE_SENT, EventTypes.MESSAGE_DELIVERED, EventTypes.MESSAGE_READ);
            DomainEvent read = app.platform().events().forTenant(s.clientId(), EventTypes.MESSAGE_READ, 1).get(0);
            assertThat(read.data()).containsEntry("message_id", id).containsEntry("channel", "whatsapp")
                    .containsEntry("status", "read").containsEntry("category", "utility");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void textOutsideTheWindowIsRefusedAndNothingIsCharged(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\","
                    + "\"text\":\"Your results are ready\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("code").asText()).isEqualTo("whatsapp_window_closed");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("100.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages WHERE tenant_id = ?", s.clientId())).isZero();
            assertThat(simulator(app).received()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aReplyOpensTheWindowAndTextIsThenChargedAtTheServicePrice(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            String first = sendTemplate(s, "0712345678");
            awaitStatus(s, first, "delivered");
            String wamid = app.platform().whatsapp().get(s.clientId(), first).upstreamMessageId();

            Http.Response in = app.http().send("POST", "/simulators/whatsapp/inbound", "{\"from\":\"254712345678\","
                    + "\"text\":\"Hello, is it ready?\",\"context_wamid\":\"" + wamid + "\"}",
                    Map.of("Content-Type", "application/json"));
            assertThat(in.status()).as(in.body()).isEqualTo(200);
            assertThat(in.json().get("webhook_status").asInt()).isEqualTo(200);

            JsonNode inbound = s.get("/messages?direction=inbound").json();
            assertThat(inbound.get("data")).hasSize(1);
            JsonNode reply = inbound.get("data").get(0);
            assertThat(reply.get("from").asText()).isEqualTo("254712345678");
            assertThat(reply.get("text").asText()).isEqualTo("Hello, is it ready?");
            assertThat(reply.get("reply_to").asText()).isEqualTo(first);
            DomainEvent received = app.platform().events().forTenant(s.clientId(), EventTypes.MESSAGE_RECEIVED, 1).get(0);
            assertThat(received.data()).containsEntry("from", "254712345678").containsEntry("channel", "whatsapp");

            Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"+254 712 345 678\","
                    + "\"text\":\"Yes, your results are ready\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            assertThat(r.json().get("category").asText()).isEqualTo("service");
            assertThat(r.json().get("cost").decimalValue()).isEqualByComparingTo("0.50");
            assertThat(r.json().get("balance").decimalValue()).isEqualByComparingTo("98.50");
            String text = r.json().get("message_id").asText();
            awaitStatus(s, text, "delivered");
            assertThat(simulator(app).received().get(1).text()).isEqualTo("Yes, your results are ready");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aStopReplyOptsTheNumberOutOfThatTenantOnlyAndLaterSendsSkipItUncharged(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            Sender other = app.sender("100.00");
            String first = sendTemplate(s, "0712345678");
            awaitStatus(s, first, "delivered");
            inbound(app, "254712345678", "  stop ");

            JsonNode optOut = s.get("/opt-outs").json().get("data").get(0);
            assertThat(optOut.get("phone").asText()).isEqualTo("254712345678");
            assertThat(optOut.get("source").asText()).isEqualTo("reply");
            Http.Response single = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\","
                    + "\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\",\"parameters\":[]}}");
            assertThat(single.status()).as(single.body()).isEqualTo(422);
            assertThat(single.json().get("code").asText()).isEqualTo("recipient_opted_out");
            Http.Response bulk = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipients\":[\"0712345678\","
                    + "\"0712000111\"],\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\",\"parameters\":[]}}");
            assertThat(bulk.status()).as(bulk.body()).isEqualTo(202);
            assertThat(bulk.json().get("messages")).hasSize(1);
            assertThat(bulk.json().get("rejected").findValuesAsText("code")).containsExactly("opted_out");
            assertThat(bulk.json().get("total_cost").decimalValue()).isEqualByComparingTo("1.00");
            // another tenant's sends to the same number are untouched
            assertThat(other.get("/opt-outs").json().get("data")).isEmpty();
            assertThat(sendTemplate(other, "0712345678")).startsWith("MSG-");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBulkTextRejectsInvalidAndWindowClosedRecipientsAndChargesTheRest(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            String first = sendTemplate(s, "0712345678");
            awaitStatus(s, first, "delivered");
            inbound(app, "254712345678", "Hi");

            Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipients\":[\"0712345678\","
                    + "\"254712345678\",\"0799999999\",\"12345\"],\"text\":\"Thanks for writing\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            JsonNode body = r.json();
            assertThat(body.get("messages")).hasSize(1);
            assertThat(body.get("total_cost").decimalValue()).isEqualByComparingTo("0.50");
            assertThat(body.get("rejected")).hasSize(2);
            assertThat(body.get("rejected").findValuesAsText("code"))
                    .containsExactlyInAnyOrder("invalid_recipient", "whatsapp_window_closed");
            assertThat(body.get("balance").decimalValue()).isEqualByComparingTo("98.50");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = ? "
                    + "AND type = 'debit'", s.clientId())).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMessageMetaReportsFailedIsRefundedOnceEvenWhenTheReportComesTwice(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            String id = sendTemplate(s, "0712340001");
            awaitStatus(s, id, "failed");
            JsonNode m = s.get("/messages/" + id).json();
            assertThat(m.get("error").get("code").asText()).isEqualTo("131026");
            assertThat(m.get("refunded").asBoolean()).isTrue();

            // Meta retries a webhook it thinks failed: the same failed status again changes nothing
            WhatsAppSimulator.SentWebhook failed = simulator(app).webhooks().stream()
                    .filter(w -> w.body().contains("\"failed\"")).findFirst().orElseThrow();
            byte[] again = failed.body().getBytes(StandardCharsets.UTF_8);
            Http.Response replay = app.http().sendBytes("POST", "/api/webhooks/whatsapp", again, Map.of(
                    "Content-Type", "application/json", "X-Hub-Signature-256", app.platform().metaSignature().sign(again)));
            assertThat(replay.status()).isEqualTo(200);

            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("100.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = ? "
                    + "AND type = 'refund'", s.clientId())).isEqualTo(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();

            // analytics and the revenue report count it once, charged and refunded (cost 0), failed
            String delivered = sendTemplate(s, "0712345678");
            awaitStatus(s, delivered, "delivered");
            JsonNode usage = s.get("/analytics/summary").json().get("today").get("by_channel").get("whatsapp");
            assertThat(usage.get("messages_sent").asInt()).isEqualTo(2);
            assertThat(usage.get("delivered").asInt()).isEqualTo(1);
            assertThat(usage.get("failed").asInt()).isEqualTo(1);
            assertThat(usage.get("cost").decimalValue()).isEqualByComparingTo("1.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRecipientRefusedAtSendFailsAndIsRefunded(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            String id = sendTemplate(s, "0712340002");
            awaitStatus(s, id, "failed");
            assertThat(s.get("/messages/" + id).json().get("refunded").asBoolean()).isTrue();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("100.00"));
        }
    }

    static String sendTemplate(Sender s, String recipient) {
        Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipient\":\"" + recipient + "\","
                + "\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\",\"parameters\":[]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("message_id").asText();
    }

    static void inbound(TestApp app, String from, String text) {
        Http.Response in = app.http().send("POST", "/simulators/whatsapp/inbound", "{\"from\":\"" + from
                + "\",\"text\":\"" + text + "\"}", Map.of("Content-Type", "application/json"));
        assertThat(in.json().get("webhook_status").asInt()).as(in.body()).isEqualTo(200);
    }

    static WhatsAppSimulator simulator(TestApp app) {
        return app.application().whatsappSimulator().orElseThrow();
    }

    static void awaitStatus(Sender s, String id, String status) {
        await(id + " is " + status, () -> status.equals(s.get("/messages/" + id).json().get("status").asText()));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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

    static List<String> types(Jumbe platform, long tenantId) {
        return platform.events().forTenant(tenantId, null, 10_000).stream().map(DomainEvent::type).toList();
    }
}
