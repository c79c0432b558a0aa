package io.jumbe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdminCliTest {

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anAdminCreatesASenderCreditsItAndTheLedgerVerifies(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            Run created = run(platform, "admin", "senders", "create", "--name", "Falley Medical", "--email",
                    "ops@falley.example", "--sender-id", "FALLEY-MED", "--balance", "100", "--price", "0.80", "--json");
            assertThat(created.exit()).isZero();
            long id = created.json().get("client_id").asLong();
            String key = created.json().get("api_key").asText();
            assertThat(key).startsWith("sk_live_");
            assertThat(platform.apiKeys().authenticate(key)).isPresent();

            Run credit = run(platform, "admin", "wallet", "credit", String.valueOf(id), "--amount", "500.00",
                    "--reference", "bank slip 123", "--note", "October", "--json");
            assertThat(credit.exit()).isZero();
            assertThat(credit.json().get("new_balance").decimalValue()).isEqualByComparingTo("600.00");

            Run show = run(platform, "admin", "senders", "show", String.valueOf(id));
            assertThat(show.out()).contains("Falley Medical").contains("0.80").contains("600.00");
            assertThat(run(platform, "admin", "ledger", "verify").exit()).isZero();
            assertThat(run(platform, "admin", "senders", "list", "--json").json().size()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void badArgumentsPrintUsageExitTwoAndWriteNothing(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            Run missing = run(platform, "admin", "senders", "create", "--name", "X");
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).contains("Usage:");
            Run badMoney = run(platform, "admin", "senders", "create", "--name", "X", "--email", "x@x.example",
                    "--sender-id", "XX", "--balance", "lots");
            assertThat(badMoney.exit()).isEqualTo(2);
            Run badTier = run(platform, "admin", "senders", "create", "--name", "X", "--email", "x@x.example",
                    "--sender-id", "XX", "--tier", "diamond");
            assertThat(badTier.exit()).isEqualTo(2);
            Run badSenderId = run(platform, "admin", "senders", "create", "--name", "X", "--email", "x@x.example",
                    "--sender-id", "MUCH-TOO-LONG-ID");
            assertThat(badSenderId.exit()).isEqualTo(2);
            assertThat(platform.tenants().count()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void keysAreRotatedWithGraceAndRevokedByPrefix(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = run(platform, "admin", "senders", "create", "--name", "S", "--email", "s@s.example",
                    "--sender-id", "SS", "--json").json().get("client_id").asLong();
            Run rotated = run(platform, "admin", "keys", "rotate", String.valueOf(id), "--grace", "1h", "--json");
            assertThat(rotated.exit()).isZero();
            String fresh = rotated.json().get("api_key").asText();
            Run list = run(platform, "admin", "keys", "list", String.valueOf(id), "--json");
            // the first live key, the rotated one, and the test key every sender gets
            assertThat(list.json().size()).isEqualTo(3);
            assertThat(list.out()).doesNotContain(fresh);

            Run revoked = run(platform, "admin", "keys", "revoke", fresh.substring(0, 16));
            assertThat(revoked.exit()).isZero();
            assertThat(platform.apiKeys().authenticate(fresh)).isEmpty();
            assertThat(run(platform, "admin", "keys", "rotate", String.valueOf(id), "--grace", "soon").exit()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void ledgerVerifyListsATenantWhoseBalanceDriftedAndExitsOne(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = run(platform, "admin", "senders", "create", "--name", "S", "--email", "s@s.example",
                    "--sender-id", "SS", "--balance", "10", "--json").json().get("client_id").asLong();
            platform.jdbi().useHandle(h -> h.execute("UPDATE tenants SET balance_cents = balance_cents + 1 WHERE id = ?", id));
            Run verify = run(platform, "admin", "ledger", "verify", "--json");
            assertThat(verify.exit()).isEqualTo(1);
            assertThat(verify.json().get(0).get("client_id").asLong()).isEqualTo(id);
            assertThat(verify.json().get(0).get("difference").decimalValue()).isEqualByComparingTo("0.01");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void suspendAndActivateFlipTheStatus(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = run(platform, "admin", "senders", "create", "--name", "S", "--email", "s@s.example",
                    "--sender-id", "SS", "--json").json().get("client_id").asLong();
            assertThat(run(platform, "admin", "senders", "suspend", String.valueOf(id), "--json").json()
                    .get("status").asText()).isEqualTo("suspended");
            assertThat(run(platform, "admin", "senders", "activate", String.valueOf(id), "--json").json()
                    .get("status").asText()).isEqualTo("active");
            assertThat(run(platform, "admin", "senders", "add-sender-id", String.valueOf(id), "SS-LAB", "--json").json()
                    .get("sender_ids").asText()).isEqualTo("SS,SS-LAB");
            assertThat(run(platform, "admin", "senders", "show", "999").exit()).isEqualTo(1);
            assertThat(platform.wallet().balance(id).balance()).isEqualTo(Money.ZERO);
        }
    }
}
