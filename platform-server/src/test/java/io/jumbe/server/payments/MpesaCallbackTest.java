package io.jumbe.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.payments.PaymentAnomaly;
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

/**
 * What Safaricom may send us: duplicates, late successes, wrong amounts, ids we never issued, wrong tokens, garbage.
 * Each case ends with the ledger check: no callback can make a balance disagree with its journal.
 */
class MpesaCallbackTest {
    private static final String TOKEN = "cb-token-for-tests";
    private static final String CALLBACK = "/api/webhooks/mpesa/callback/" + TOKEN;
    private static final String JSON = "application/json";

    // providers.md §2.4, the official success sample: an id we never issued
    private static final String OFFICIAL_SUCCESS = """
            {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925",
            "ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
            {"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},
            {"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}}""";

    private static TestApp start(TestDatabase db, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("MPESA_CALLBACK_TOKEN", TOKEN, "MPESA_QUERY_AFTER", "30s"));
        all.putAll(env);
        return TestApp.start(db, all, DarajaSimulator.Settings.defaults(Application.DARAJA_SIMULATOR_PATH)
                .withCallbackDelay(Duration.ofMillis(200)).withLostCallback(Duration.ofHours(1), 0));
    }

    /** A top-up on the lost-callback number: the simulator sends nothing until the test says so. */
    private static String quietTopup(Sender s, String amount) {
        Http.Response r = s.post("/wallet/topup", "{\"amount\": " + amount + ", \"phone_number\": \"0712340005\"}");
        assertThat(r.status()).isEqualTo(202);
        return r.json().get("transaction_id").asText();
    }

    private static String checkoutId(Sender s, String txn) {
        return s.get("/wallet/topup/" + txn).json().get("checkout_request_id").asText();
    }

    private static Http.Response post(TestApp app, String path, String body) {
        return app.http().send("POST", path, body, Map.of("Content-Type", JSON));
    }

    private static List<PaymentAnomaly> anomalies(TestApp app) {
        return app.platform().topups().anomalies().list(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void twentyIdenticalSuccessCallbacksInParallelCreditOnce(TestDatabase db) {
        try (TestApp app = start(db, Map.of())) {
            Sender s = app.sender("0.00");
            String txn = quietTopup(s, "700");
            List<Integer> statuses = app.daraja().sendCallbackNow(checkoutId(s, txn), 20);
            assertThat(statuses).hasSize(20).containsOnly(200);
            assertThat(s.get("/wallet/topup/" + txn).json().get("status").asText()).isEqualTo("completed");
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("700.00");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_COMPLETED, 50)).hasSize(1);
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.BALANCE_UPDATED, 50)).hasSize(1);
            assertThat(anomalies(app)).isEmpty();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSuccessAfterTheTopupExpiredIsCreditedOnceFlaggedLateAndKeepsItsFailure(TestDatabase db) {
        try (TestApp app = start(db, Map.of("MPESA_QUERY_AFTER", "500ms", "MPESA_PENDING_EXPIRY", "1s"))) {
            Sender s = app.sender("0.00");
            String txn = quietTopup(s, "300");
            Await.until(() -> s.get("/wallet/topup/" + txn).json(), j -> "failed".equals(j.get("status").asText()));

            assertThat(app.daraja().sendCallbackNow(checkoutId(s, txn), 3)).containsOnly(200);
            JsonNode late = s.get("/wallet/topup/" + txn).json();
            assertThat(late.get("status").asText()).isEqualTo("completed");
            assertThat(late.get("mpesa_receipt").isNull()).isFalse();
            assertThat(late.get("failure_reason").asText()).isEqualTo("expired: no answer from M-Pesa within 1 s");

            // the history shows both: the attempt that failed, and the credit that came later
            JsonNode history = s.get("/wallet/transactions").json();
            assertThat(history.get("meta").get("total").asLong()).isEqualTo(2);
            JsonNode credit = history.get("data").get(0);
            JsonNode failure = history.get("data").get(1);
            assertThat(failure.get("transaction_id").asText()).isEqualTo(txn);
            assertThat(failure.get("status").asText()).isEqualTo("failed");
            assertThat(failure.get("failure_reason").asText()).isEqualTo("expired: no answer from M-Pesa within 1 s");
            assertThat(failure.get("balance_after").isNull()).isTrue();
            assertThat(credit.get("transaction_id").asText()).isNotEqualTo(txn);
            assertThat(credit.get("type").asText()).isEqualTo("credit");
            assertThat(credit.get("status").asText()).isEqualTo("completed");
            assertThat(credit.get("mpesa_receipt").asText()).isEqualTo(late.get("mpesa_receipt").asText());
            assertThat(credit.get("failure_reason").isNull()).isTrue();
            assertThat(credit.get("balance_after").decimalValue()).isEqualByComparingTo("300.00");
            assertThat(app.platform().topups().find(s.clientId(), txn).orElseThrow().lateCredit()).isTrue();
            assertThat(anomalies(app)).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("late_success");
                assertThat(a.transactionId()).isEqualTo(txn);
            });
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("300.00");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_FAILED, 10)).hasSize(1);
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_COMPLETED, 10)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCallbackForAnAmountOtherThanAskedCreditsNothingAndIsKeptForAdmins(TestDatabase db) {
        try (TestApp app = start(db, Map.of())) {
            Sender s = app.sender("0.00");
            app.daraja().setCallbackAmountOverride(100L);
            String txn = s.post("/wallet/topup", "{\"amount\": 1000, \"phone_number\": \"0712345678\"}").json()
                    .get("transaction_id").asText();
            JsonNode held = Await.until(() -> s.get("/wallet/topup/" + txn).json(),
                    j -> "failed".equals(j.get("status").asText()));
            assertThat(held.get("failure_reason").asText()).contains("KES 1.00").contains("KES 1000.00");
            assertThat(anomalies(app)).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("amount_mismatch");
                assertThat(a.amount().cents()).isEqualTo(100);
                assertThat(a.expected().cents()).isEqualTo(100_000);
                assertThat(a.rawBody()).contains("\"stkCallback\"");
            });
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCallbackForAnUnknownCheckoutIdIsAcceptedCreditsNothingAndIsKeptOnceWhenThePendingExpiryEnds(TestDatabase db) {
        try (TestApp app = start(db, Map.of("MPESA_PENDING_EXPIRY", "1s"))) {
            Sender s = app.sender("10.00");
            for (int i = 0; i < 2; i++) {
                Http.Response r = post(app, CALLBACK, OFFICIAL_SUCCESS);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}");
            }
            // held until MPESA_PENDING_EXPIRY in case its top-up was being recorded, then kept for admins
            Await.until(() -> anomalies(app), list -> !list.isEmpty());
            assertThat(anomalies(app)).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("unknown_checkout");
                assertThat(a.checkoutRequestId()).isEqualTo("ws_CO_191220191020363925");
                assertThat(a.mpesaReceipt()).isEqualTo("NLJ7RT61SV");
                assertThat(a.phoneNumber()).isEqualTo("254708374149");
                assertThat(a.transactionId()).isNull();
            });
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSuccessCallbackDarajaSendsBeforeAnsweringThePushIsCreditedOnceWithItsReceipt(TestDatabase db) {
        try (TestApp app = start(db, Map.of())) {
            Sender s = app.sender("0.00");
            app.daraja().setCallbackBeforeAnswer(true);
            Http.Response r = s.post("/wallet/topup", "{\"amount\": 600, \"phone_number\": \"0712345678\"}");
            assertThat(r.status()).isEqualTo(202);
            String txn = r.json().get("transaction_id").asText();
            String checkout = r.json().get("checkout_request_id").asText();
            String receipt = app.daraja().push(checkout).orElseThrow().mpesaReceipt();

            // the callback came (and was answered) before our push call returned; it was held, then applied
            JsonNode done = s.get("/wallet/topup/" + txn).json();
            assertThat(done.get("status").asText()).isEqualTo("completed");
            assertThat(done.get("mpesa_receipt").asText()).isEqualTo(receipt);
            assertThat(done.get("failure_reason").isNull()).isTrue();
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("600.00");
            JsonNode history = s.get("/wallet/transactions").json();
            assertThat(history.get("meta").get("total").asLong()).isEqualTo(1);
            assertThat(history.get("data").get(0).get("transaction_id").asText()).isEqualTo(txn);
            assertThat(history.get("data").get(0).get("mpesa_receipt").asText()).isEqualTo(receipt);
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_COMPLETED, 10)).hasSize(1);
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.BALANCE_UPDATED, 10)).hasSize(1);
            assertThat(anomalies(app)).isEmpty();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aWrongTokenIs404AndChangesNothing(TestDatabase db) {
        try (TestApp app = start(db, Map.of())) {
            Sender s = app.sender("0.00");
            String txn = quietTopup(s, "400");
            String body = app.daraja().callbackBody(checkoutId(s, txn));
            Http.Response wrong = post(app, "/api/webhooks/mpesa/callback/not-the-token", body);
            assertThat(wrong.status()).isEqualTo(404);
            assertThat(wrong.json().get("code").asText()).isEqualTo("not_found");
            assertThat(post(app, "/api/webhooks/mpesa/timeout/not-the-token", body).status()).isEqualTo(404);
            assertThat(s.get("/wallet/topup/" + txn).json().get("status").asText()).isEqualTo("pending");
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(anomalies(app)).isEmpty();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();

            assertThat(post(app, CALLBACK, body).status()).isEqualTo(200);
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("400.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aMalformedBodyGets400AndChangesNothing(TestDatabase db) {
        try (TestApp app = start(db, Map.of())) {
            for (String bad : List.of("not json", "{}", "{\"Body\":{\"stkCallback\":{\"ResultCode\":0}}}",
                    "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":\"zero\"}}}")) {
                Http.Response r = post(app, CALLBACK, bad);
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
            }
            assertThat(anomalies(app)).isEmpty();
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aFailureOnTheTimeoutUrlFailsThePendingTopupOnce(TestDatabase db) {
        try (TestApp app = start(db, Map.of())) {
            Sender s = app.sender("0.00");
            String txn = quietTopup(s, "100");
            String checkout = checkoutId(s, txn);
            String timeout = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"1-2-3\",\"CheckoutRequestID\":\""
                    + checkout + "\",\"ResultCode\":1037,\"ResultDesc\":\"DS timeout user cannot be reached\"}}}";
            assertThat(post(app, "/api/webhooks/mpesa/timeout/" + TOKEN, timeout).status()).isEqualTo(200);
            assertThat(post(app, CALLBACK, timeout).status()).isEqualTo(200);
            JsonNode failed = s.get("/wallet/topup/" + txn).json();
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("failure_reason").asText()).isEqualTo("phone unreachable (M-Pesa ResultCode 1037)");
            assertThat(app.platform().events().forTenant(s.clientId(), EventTypes.TOPUP_FAILED, 10)).hasSize(1);
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void callbacksFromOutsideTheAllowlistAreRefusedAndForwardedForCountsOnlyFromTrustedProxies(TestDatabase db) {
        try (TestApp app = start(db, Map.of("MPESA_CALLBACK_ALLOWED_IPS", "196.201.214.200,196.201.212.0/24",
                "TRUSTED_PROXIES", "127.0.0.1,::1"))) {
            Sender s = app.sender("0.00");
            String txn = quietTopup(s, "100");
            String body = app.daraja().callbackBody(checkoutId(s, txn));
            Http.Response direct = post(app, CALLBACK, body);
            assertThat(direct.status()).isEqualTo(403);
            Http.Response spoofed = app.http().send("POST", CALLBACK, body, Map.of("Content-Type", JSON,
                    "X-Forwarded-For", "196.201.214.200, 10.9.9.9"));
            assertThat(spoofed.status()).isEqualTo(403);
            assertThat(s.get("/wallet/topup/" + txn).json().get("status").asText()).isEqualTo("pending");

            Http.Response viaProxy = app.http().send("POST", CALLBACK, body, Map.of("Content-Type", JSON,
                    "X-Forwarded-For", "10.9.9.9, 196.201.212.138"));
            assertThat(viaProxy.status()).isEqualTo(200);
            assertThat(s.get("/client/balance").json().get("balance").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(app.platform().ledgerCheck().verify()).isEmpty();
        }
    }
}
