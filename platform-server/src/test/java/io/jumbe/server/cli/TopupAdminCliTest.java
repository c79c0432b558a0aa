package io.jumbe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.payments.mpesa.StkCallbackParser;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopupAdminCliTest {

    private record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    private static Run run(Jumbe platform, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine(new AdminCommand(() -> platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static long tenant(Jumbe platform) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY")).tenant().id();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anAdminApprovesAManualRequestOnceAndTheWalletIsCredited(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = tenant(platform);
            String txn = platform.topups().requestManual(id, Money.parse("2500"), "bank slip 123", "October").transactionId();

            Run requests = run(platform, "admin", "wallet", "requests", "--json");
            assertThat(requests.exit()).isZero();
            assertThat(requests.json()).singleElement().satisfies(r -> {
                assertThat(r.get("transaction_id").asText()).isEqualTo(txn);
                assertThat(r.get("reference").asText()).isEqualTo("bank slip 123");
                assertThat(r.get("amount").decimalValue()).isEqualByComparingTo("2500.00");
            });
            assertThat(run(platform, "admin", "wallet", "requests").out()).contains(txn).contains("bank slip 123");

            Run approved = run(platform, "admin", "wallet", "approve", txn, "--by", "grace", "--json");
            assertThat(approved.exit()).isZero();
            assertThat(approved.json().get("status").asText()).isEqualTo("completed");
            assertThat(approved.json().get("resolved_by").asText()).isEqualTo("admin:grace");
            assertThat(platform.wallet().balance(id).balance()).isEqualTo(Money.parse("2500"));

            Run again = run(platform, "admin", "wallet", "approve", txn);
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("no longer pending");
            assertThat(platform.wallet().balance(id).balance()).isEqualTo(Money.parse("2500"));
            assertThat(run(platform, "admin", "wallet", "requests", "--json").json()).isEmpty();
            assertThat(platform.events().forTenant(id, EventTypes.TOPUP_COMPLETED, 10)).hasSize(1);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anAdminRejectsAManualRequestWithAReasonTheSenderSees(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = tenant(platform);
            String txn = platform.topups().requestManual(id, Money.parse("900"), "slip 9", null).transactionId();
            assertThat(run(platform, "admin", "wallet", "reject", txn).exit()).isEqualTo(2);

            Run rejected = run(platform, "admin", "wallet", "reject", txn, "--reason", "no such deposit", "--json");
            assertThat(rejected.exit()).isZero();
            assertThat(rejected.json().get("status").asText()).isEqualTo("failed");
            var seen = platform.topups().find(id, txn).orElseThrow();
            assertThat(seen.failureReason()).isEqualTo("no such deposit");
            assertThat(run(platform, "admin", "wallet", "approve", txn).exit()).isEqualTo(1);
            assertThat(platform.wallet().balance(id).balance()).isEqualTo(Money.ZERO);
            assertThat(platform.events().forTenant(id, EventTypes.TOPUP_FAILED, 10)).hasSize(1);
            assertThat(run(platform, "admin", "wallet", "approve", "TXN-NOPE").exit()).isEqualTo(1);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anomaliesAreListedWithTheRawCallbackAndCanBeResolved(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            String body = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"1-2-3\",\"CheckoutRequestID\":\"ws_CO_UNKNOWN\","
                    + "\"ResultCode\":0,\"ResultDesc\":\"ok\",\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":5.00},"
                    + "{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"QKH94M1Z11\"},{\"Name\":\"PhoneNumber\",\"Value\":254712345678}]}}}}";
            platform.topups().handleCallback(new StkCallbackParser().parse(body), body);
            // held in case its top-up was being recorded; kept for admins when the wait ends
            platform.topups().expireHeld("ws_CO_UNKNOWN");

            Run list = run(platform, "admin", "wallet", "anomalies", "--json");
            assertThat(list.exit()).isZero();
            JsonNode a = list.json().get(0);
            assertThat(a.get("kind").asText()).isEqualTo("unknown_checkout");
            assertThat(a.get("mpesa_receipt").asText()).isEqualTo("QKH94M1Z11");
            assertThat(a.get("amount").decimalValue()).isEqualByComparingTo("5.00");
            assertThat(a.get("raw_body").asText()).isEqualTo(body);
            assertThat(run(platform, "admin", "wallet", "anomalies").out()).contains("ws_CO_UNKNOWN");

            Run resolved = run(platform, "admin", "wallet", "anomalies", "--resolve", a.get("id").asText(), "--json");
            assertThat(resolved.json().get("resolved_at").isNull()).isFalse();
            assertThat(run(platform, "admin", "wallet", "anomalies", "--json").json()).isEmpty();
            assertThat(run(platform, "admin", "wallet", "anomalies", "--all", "--json").json()).hasSize(1);
        }
    }
}
