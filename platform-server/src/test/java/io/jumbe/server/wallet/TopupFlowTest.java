package io.jumbe.server.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Application;
import io.jumbe.server.simulator.daraja.DarajaSimulator;
import io.jumbe.server.testing.Await;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** M-Pesa top-ups end to end over HTTP: our API, the Daraja client, the mounted simulator, its callbacks, our jobs. */
class TopupFlowTest {

    static TestApp start(TestDatabase db, Map<String, String> env, Duration lostCallbackPendingFor) {
        Map<String, String> all = new HashMap<>();
        all.put("MPESA_QUERY_AFTER", "30s");
        all.putAll(env);
        return TestApp.start(db, all, DarajaSimulator.Settings.defaults(Application.DARAJA_SIMULATOR_PATH)
                .withCallbackDelay(Duration.ofMillis(200)).withLostCallback(lostCallbackPendingFor, 0));
    }

    static TestApp start(TestDatabase db) {
        return start(db, Map.of(), Duration.ofHours(1));
    }

    static Http.Response topup(Sender s, String amount, String phone) {
        return s.post("/wallet/topup", "{\"amount\": " + amount + ", \"payment_method\": \"mpesa\", \"phone_number\": \""
                + phone + "\"}");
    }

    static JsonNode awaitStatus(Sender s, String txn, String status) {
        return Await.until(() -> s.get("/wallet/topup/" + txn).json(), j -> status.equals(j.get("status").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aPushDarajaRefusesAnswers502AndRecordsTheTopUpAsFailedWithTheReason(TestDatabase db) {
        try (TestApp app = start(db)) {
            Sender s = app.sender("0.00");

            Http.Response r = topup(s, "500", "254712340009");

            assertThat(r.status()).isEqualTo(502);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("payment_provider_error");
            String txn = r.json().get("transaction_id").asText();
            assertThat(app.daraja().pushes()).isEmpty();
            JsonNode failed = s.get("/wallet/topup/" + txn).json();
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("failure_reason").asText()).startsWith("M-Pesa refused the payment request: ")
                    .contains("Unable to lock subscriber");
            assertThat(failed.get("checkout_request_id").isNull()).isTrue();
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aPaidTopupIsCreditedOnceWithItsReceipt(TestDatabase db) {
        try (TestApp app = start(db)) {
            Sender s = app.sender("0.00");
            Http.Response r = topup(s, "1000", "0712 345-678");
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.body()).matches("\\{\"status\":\"pending\",\"message\":\"Check your phone for the M-Pesa prompt\","
                    + "\"transaction_id\":\"TXN-[0-9A-Z]{26}\",\"amount\":1000\\.00,\"checkout_request_id\":\"ws_CO_[0-9]+\"}");
            String txn = r.json().get("transaction_id").asText();
            assertThat(app.daraja().pushes()).singleElement().satisfies(p -> {
                assertThat(p.phoneNumber()).isEqualTo("254712345678");
                assertThat(p.amountShillings()).isEqualTo(1000);
                assertThat(p.checkoutRequestId()).isEqualTo(r.json().get("checkout_request_id").asText());
            });

            JsonNode done = awaitStatus(s, txn, "completed");
            assertThat(done.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(done.get("payment_method").asText()).isEqualTo("mpesa");
            assertThat(done.get("phone_number").asText()).isEqualTo("254712345678");
            assertThat(done.get("mpesa_receipt").asText()).matches("[A-Z0-9]{10}");
            assertThat(done.get("failure_reason").isNull()).isTrue();
            assertThat(done.get("completed_at").asText()).endsWith("Z");
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("1000.00");

            List<DomainEvent> completed = app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_COMPLETED, 10);
            assertThat(completed).singleElement().satisfies(e -> {
                assertThat(e.data()).containsEntry("transaction_id", txn)
                        .containsEntry("mpesa_receipt", done.get("mpesa_receipt").asText())
                        .containsEntry("phone_number", "254712345678").containsKey("failure_reason");
                assertThat(new java.math.BigDecimal(e.data().get("amount").toString())).isEqualByComparingTo("1000.00");
            });
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.BALANCE_UPDATED, 10)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void eachFailedOutcomeMarksTheTopupWithDarajasReasonAndCreditsNothing(TestDatabase db) {
        Map<String, String[]> outcomes = Map.of(
                "0712340001", new String[] {"cancelled", "cancelled by user (M-Pesa ResultCode 1032)"},
                "0712340002", new String[] {"failed", "phone unreachable (M-Pesa ResultCode 1037)"},
                "0712340003", new String[] {"failed", "wrong M-Pesa PIN (M-Pesa ResultCode 2001)"},
                "0712340004", new String[] {"failed", "insufficient M-Pesa balance (M-Pesa ResultCode 1)"});
        try (TestApp app = start(db)) {
            Sender s = app.sender("5.00");
            outcomes.forEach((phone, expected) -> {
                String txn = topup(s, "500", phone).json().get("transaction_id").asText();
                JsonNode done = awaitStatus(s, txn, expected[0]);
                assertThat(done.get("failure_reason").asText()).isEqualTo(expected[1]);
                assertThat(done.get("mpesa_receipt").isNull()).isTrue();
            });
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("5.00");
            List<DomainEvent> failed = app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_FAILED, 10);
            assertThat(failed).hasSize(4).allSatisfy(e -> assertThat(e.data().get("failure_reason").toString())
                    .contains("M-Pesa ResultCode"));
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aLostCallbackIsResolvedByReconciliationKeyedByTheCheckoutId(TestDatabase db) {
        try (TestApp app = start(db, Map.of("MPESA_QUERY_AFTER", "1s"), Duration.ofSeconds(2))) {
            Sender s = app.sender("0.00");
            String txn = topup(s, "250", "0712340005").json().get("transaction_id").asText();
            JsonNode done = awaitStatus(s, txn, "completed");
            // STK Query carries no receipt: the credit is keyed by the unique CheckoutRequestID alone
            assertThat(done.get("mpesa_receipt").isNull()).isTrue();
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("250.00");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_COMPLETED, 10)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTopupWithNoAnswerBeforeThePendingExpiryFailsAsExpired(TestDatabase db) {
        try (TestApp app = start(db, Map.of("MPESA_QUERY_AFTER", "500ms", "MPESA_PENDING_EXPIRY", "2s"),
                Duration.ofHours(1))) {
            Sender s = app.sender("0.00");
            String txn = topup(s, "250", "0712340005").json().get("transaction_id").asText();
            JsonNode done = awaitStatus(s, txn, "failed");
            assertThat(done.get("failure_reason").asText()).isEqualTo("expired: no answer from M-Pesa within 2 s");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_FAILED, 10)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void amountsOutsideTheLimitsOrNotWholeShillingsGet400WithTheLimitsAndCreateNothing(TestDatabase db) {
        try (TestApp app = start(db)) {
            Sender s = app.sender("0.00");
            for (String amount : List.of("99", "50001", "100.50", "0", "-5", "\"lots\"")) {
                Http.Response r = topup(s, amount, "0712345678");
                assertThat(r.status()).as(amount).isEqualTo(400);
                assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
                if (!amount.startsWith("\"")) {
                    assertThat(r.body()).contains("\"min_amount\":100.00").contains("\"max_amount\":50000.00");
                }
                assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
            }
            Http.Response badPhone = topup(s, "100", "0812345678");
            assertThat(badPhone.status()).isEqualTo(400);
            assertThat(badPhone.json().get("errors").get(0).get("field").asText()).isEqualTo("phone_number");
            Http.Response badMethod = s.post("/wallet/topup",
                    "{\"amount\": 100, \"payment_method\": \"card\", \"phone_number\": \"0712345678\"}");
            assertThat(badMethod.status()).isEqualTo(400);
            assertThat(app.daraja().pushes()).isEmpty();
            assertThat(s.get("/wallet/transactions").json().get("meta").get("total").asLong()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDarajaErrorAtPushTimeIs502AndKeepsTheTopupAsFailedWithTheReason(TestDatabase db) {
        // the simulator, like Daraja, refuses an Amount of more than nine digits
        try (TestApp app = start(db, Map.of("TOPUP_MAX", "10000000000"), Duration.ofHours(1))) {
            Sender s = app.sender("0.00");
            Http.Response r = topup(s, "1000000000", "0712345678");
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.json().get("code").asText()).isEqualTo("payment_provider_error");
            String txn = r.json().get("transaction_id").asText();
            JsonNode failed = s.get("/wallet/topup/" + txn).json();
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("failure_reason").asText()).startsWith("M-Pesa refused the payment request")
                    .contains("400.002.02");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_FAILED, 10)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theSameIdempotencyKeyStartsOnePushAndReplaysTheAnswer(TestDatabase db) {
        try (TestApp app = start(db)) {
            Sender s = app.sender("0.00");
            String body = "{\"amount\": 100, \"phone_number\": \"254712345678\"}";
            Http.Response first = s.post("/wallet/topup", body, Map.of("Idempotency-Key", "tap-1"));
            Http.Response second = s.post("/wallet/topup", body, Map.of("Idempotency-Key", "tap-1"));
            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).isEqualTo(202);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(app.daraja().pushes()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anotherTenantsTopupIsNotFound(TestDatabase db) {
        try (TestApp app = start(db)) {
            Sender a = app.sender("0.00");
            Sender b = app.sender("0.00");
            String txn = topup(a, "100", "0712345678").json().get("transaction_id").asText();
            assertThat(a.get("/wallet/topup/" + txn).status()).isEqualTo(200);
            Http.Response other = b.get("/wallet/topup/" + txn);
            assertThat(other.status()).isEqualTo(404);
            assertThat(other.json().get("code").asText()).isEqualTo("not_found");
            assertThat(b.get("/wallet/topup/TXN-NOSUCHTHING").status()).isEqualTo(404);
            assertThat(b.get("/wallet/transactions?search=" + txn).json().get("meta").get("total").asLong()).isZero();
        }
    }
}
