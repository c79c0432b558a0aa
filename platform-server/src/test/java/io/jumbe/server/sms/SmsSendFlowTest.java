package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.ENV;
import static io.jumbe.server.sms.SmsFlows.await;
import static io.jumbe.server.sms.SmsFlows.awaitStatus;
import static io.jumbe.server.sms.SmsFlows.count;
import static io.jumbe.server.sms.SmsFlows.eventTypes;
import static io.jumbe.server.sms.SmsFlows.send;
import static io.jumbe.server.sms.SmsFlows.sendOne;
import static io.jumbe.server.sms.SmsFlows.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmsSendFlowTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSingleSendIsQueuedSentAndDeliveredWithBalanceJournalAndEventsRight(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("1050.00");
            Http.Response r = s.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"Your appointment is "
                    + "tomorrow at 9am\",\"sender\":\"FALLEY-MED\",\"reference\":\"appt-77\"}");
            assertThat(r.status()).isEqualTo(202);
            String id = r.json().get("message_id").asText();
            assertThat(id).startsWith("MSG-");
            assertThat(r.body()).isEqualTo("{\"status\":\"queued\",\"message_id\":\"" + id + "\",\"recipient\":"
                    + "\"254712345678\",\"segments\":1,\"encoding\":\"GSM-7\",\"cost\":1.00,\"balance\":1049.00}");

            awaitStatus(s, id, "delivered");

            JsonNode status = s.get("/sms/status/" + id).json();
            assertThat(status.get("reference").asText()).isEqualTo("appt-77");
            assertThat(status.get("upstream_status").asText()).isEqualTo("DELIVRD");
            assertThat(status.get("sent_at").isNull()).isFalse();
            assertThat(status.get("delivered_at").isNull()).isFalse();
            assertThat(status.get("refunded").asBoolean()).isFalse();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("1049.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = ? AND type = 'debit' "
                    + "AND amount_cents = 100", s.clientId())).isEqualTo(1);
            List<String> types = eventTypes(app.platform(), s.clientId());
            assertThat(types).contains(EventTypes.MESSAGE_SENT, EventTypes.MESSAGE_DELIVERED, EventTypes.BALANCE_UPDATED);
            DomainEvent delivered = app.platform().events().forTenant(s.clientId(), EventTypes.MESSAGE_DELIVERED, 1).get(0);
            assertThat(delivered.data()).containsEntry("message_id", id).containsEntry("reference", "appt-77")
                    .containsEntry("recipient", "254712345678").containsEntry("status", "delivered")
                    .containsEntry("segments", 1).containsEntry("refunded", false).containsKey("error").containsKey("cost");
            assertThat(simulator(app).submitted()).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBulkOfAThousandWithSomeInvalidNumbersChargesAndDeliversTheValidOnes(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("2000.00");
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < 990; i++) {
                recipients.add("0" + (722_110_100 + i)); // last four digits 0100-1089: no simulator test outcomes
            }
            recipients.add("+254 722 110 100"); // a duplicate, sent once
            for (int i = 0; i < 9; i++) {
                recipients.add("12345" + i);
            }
            String json = "{\"recipients\":[" + String.join(",", recipients.stream().map(n -> "\"" + n + "\"").toList())
                    + "],\"message\":\"Clinic closed on Friday\"}";
            JsonNode r = send(s, json);
            assertThat(r.get("status").asText()).isEqualTo("queued");
            assertThat(r.get("batch_id").asText()).isNotBlank();
            assertThat(r.get("messages")).hasSize(990);
            assertThat(r.get("total_cost").decimalValue()).isEqualByComparingTo("990.00");
            assertThat(r.get("balance").decimalValue()).isEqualByComparingTo("1010.00");
            assertThat(r.get("rejected")).hasSize(9);
            assertThat(r.get("rejected").get(0).get("code").asText()).isEqualTo("invalid_recipient");

            try {
                await("all 990 delivered", () -> s.get("/sms/history?status=delivered&per_page=1").json()
                        .get("meta").get("total").asLong() == 990);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + s.get("/sms/statistics").body() + " held="
                        + count(app.platform(), "SELECT COUNT(*) FROM sms_unmatched_reports") + " jobs="
                        + app.platform().jobs().depth(), e);
            }
            assertThat(simulator(app).submitted()).hasSize(990);
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE tenant_id = ? AND type = 'debit'",
                    s.clientId())).isEqualTo(1);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("1010.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void notEnoughBalanceForTheWholeRequestIs402AndWritesNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("2.00");
            Http.Response r = s.post("/sms/send", "{\"recipients\":[\"0712000001\",\"0712000002\",\"0712000003\"],"
                    + "\"message\":\"hello\"}");
            assertThat(r.status()).isEqualTo(402);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("insufficient_balance");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages")).isZero();
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM jobs")).isZero();
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE type = 'debit'")).isZero();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("2.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSenderIdTheTenantWasNotGivenIs422(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            Http.Response r = s.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"hi\",\"sender\":\"SAFARICOM\"}");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().get("code").asText()).isEqualTo("sender_not_allowed");
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void priceFollowsSegmentsAndEncoding(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("100.00");
            JsonNode gsm160 = s.post("/sms/quote", "{\"recipient\":\"0712345678\",\"message\":\"" + "a".repeat(160) + "\"}").json();
            assertThat(gsm160.get("segments").asInt()).isEqualTo(1);
            assertThat(gsm160.get("encoding").asText()).isEqualTo("GSM-7");
            JsonNode gsm161 = send(s, "{\"recipient\":\"0712345678\",\"message\":\"" + "a".repeat(161) + "\"}");
            assertThat(gsm161.get("segments").asInt()).isEqualTo(2);
            assertThat(gsm161.get("cost").decimalValue()).isEqualByComparingTo("2.00");
            JsonNode ucs = send(s, "{\"recipient\":\"0712345678\",\"message\":\"Habari yako? \\ud83d\\ude00\"}");
            assertThat(ucs.get("encoding").asText()).isEqualTo("UCS-2");
            assertThat(ucs.get("segments").asInt()).isEqualTo(1);
            JsonNode ucsLong = send(s, "{\"recipients\":[\"0712345678\",\"0712345679\"],\"message\":\"\\u20ac\\u00e7"
                    + "x".repeat(69) + "\"}");
            assertThat(ucsLong.get("encoding").asText()).isEqualTo("UCS-2");
            assertThat(ucsLong.get("messages").get(0).get("segments").asInt()).isEqualTo(2);
            assertThat(ucsLong.get("total_cost").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(ucsLong.get("balance").decimalValue()).isEqualByComparingTo("93.00");
            JsonNode quote = s.post("/sms/quote", "{\"recipients\":[\"0712345678\",\"bad\"],\"message\":\"" + "b".repeat(307)
                    + "\"}").json();
            assertThat(quote.get("segments").asInt()).isEqualTo(3);
            assertThat(quote.get("characters").asInt()).isEqualTo(307);
            assertThat(quote.get("cost_per_recipient").decimalValue()).isEqualByComparingTo("3.00");
            assertThat(quote.get("total_cost").decimalValue()).isEqualByComparingTo("3.00");
            assertThat(quote.get("rejected")).hasSize(1);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("93.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRecipientTheUpstreamRejectsIsFailedAndRefundedOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String id = sendOne(s, "0712340002", "hello");
            awaitStatus(s, id, "failed");
            JsonNode status = s.get("/sms/status/" + id).json();
            assertThat(status.get("refunded").asBoolean()).isTrue();
            assertThat(status.get("error_code").asText()).isEqualTo("401");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM wallet_transactions WHERE refund_for = ?", id)).isEqualTo(1);
            DomainEvent failed = app.platform().events().forTenant(s.clientId(), EventTypes.MESSAGE_FAILED, 1).get(0);
            assertThat(failed.data()).containsEntry("refunded", true).containsEntry("status", "failed");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeliveryFailureIsNotRefundedByDefault(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String id = sendOne(s, "0712340001", "hello");
            awaitStatus(s, id, "failed");
            assertThat(s.get("/sms/status/" + id).json().get("refunded").asBoolean()).isFalse();
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("9.00"));
            assertThat(eventTypes(app.platform(), s.clientId())).contains(EventTypes.MESSAGE_FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeliveryFailureIsRefundedWhenConfigured(TestDatabase db) {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("REFUND_ON_DELIVERY_FAILURE", "true");
        try (TestApp app = TestApp.start(db, env)) {
            Sender s = app.sender("10.00");
            String id = sendOne(s, "0712340001", "hello");
            awaitStatus(s, id, "failed");
            await("refunded", () -> s.get("/sms/status/" + id).json().get("refunded").asBoolean());
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theSameIdempotencyKeyChargesOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String body = "{\"recipient\":\"0712345678\",\"message\":\"once\"}";
            Http.Response first = s.post("/sms/send", body, Map.of("Idempotency-Key", "k-1"));
            Http.Response second = s.post("/sms/send", body, Map.of("Idempotency-Key", "k-1"));
            assertThat(second.status()).isEqualTo(202);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(count(app.platform(), "SELECT COUNT(*) FROM messages")).isEqualTo(1);
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("9.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRetriedCancellationWithTheSameKeyGetsTheFirstAnswerAndRefundsOnce(TestDatabase db) {
        try (TestApp app = TestApp.start(db, ENV)) {
            Sender s = app.sender("10.00");
            String at = java.time.Instant.now().plus(java.time.Duration.ofDays(1))
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            String id = s.post("/sms/send", "{\"recipient\":\"0712345678\",\"message\":\"later\",\"schedule_at\":\""
                    + at + "\"}").json().get("message_id").asText();
            Map<String, String> keyed = Map.of("X-API-Key", s.apiKey(), "Idempotency-Key", "cancel-1");
            Http.Response first = s.http().send("DELETE", s.path("/sms/" + id), null, keyed);
            Http.Response retried = s.http().send("DELETE", s.path("/sms/" + id), null, keyed);
            assertThat(first.status()).isEqualTo(200);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.body()).isEqualTo(first.body());
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(app.platform().wallet().balance(s.clientId()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }
}
