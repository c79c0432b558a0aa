package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.payments.TopupService;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.core.wallet.TransactionFilter;
import io.jumbe.core.wallet.WalletTransaction;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.ServerProcess;
import io.jumbe.server.testing.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A keyed request whose server process is killed at several points, then retried with the same key against the
 * platform started again over the same database (a file H2 database, and PostgreSQL): the retry gets 202 and the
 * wallet is charged exactly once. The server runs in a JVM of its own; it either halts itself at a named point
 * ({@code Runtime.halt}, as abrupt as {@code kill -9}) or pauses there and receives a real {@code kill -9}.
 */
class KeyedRequestCrashTest {
    private static final int RECIPIENTS = 10_000;

    @TempDir
    Path home;

    /** Where the killed server kept its data, and how to open it again. */
    private record Store(String name, Map<String, String> env, String jdbcUrl, String user, String password) {
        HikariDataSource pool() {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(jdbcUrl);
            ds.setUsername(user);
            if (password != null) {
                ds.setPassword(password);
            }
            ds.setMaximumPoolSize(10);
            return ds;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Store h2(Path home) {
        JumbeConfig.Database db = new ConfigLoader(Map.of("JUMBE_HOME", home.toString())).load().database();
        return new Store("H2 file", Map.of(), db.jdbcUrl(), db.user(), db.password());
    }

    private static Store postgres() {
        HikariDataSource fresh = (HikariDataSource) TestDatabases.postgres().freshDataSource();
        String url = fresh.getJdbcUrl();
        String user = fresh.getUsername();
        fresh.close();
        String withUser = url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=" + user;
        return new Store("PostgreSQL", Map.of("DATABASE_URL", withUser), withUser, user, null);
    }

    private Store store(String database) {
        return "H2".equals(database) ? h2(home.resolve("server")) : postgres();
    }

    /** A sender with KES 20,000 and its live key, created before the server starts. */
    private record Account(long id, String key) {
    }

    private static Account account(Store store) {
        try (Jumbe platform = Jumbe.builder().database(Database.over(store.pool())).build()) {
            var created = platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY")
                    .withBalance(Money.parse("20000")));
            return new Account(created.tenant().id(), created.key().secret());
        }
    }

    static Stream<Arguments> sendCrashes() {
        List<Arguments> all = new ArrayList<>();
        for (String db : List.of("H2", "PostgreSQL")) {
            all.add(Arguments.of(db, IdempotencyService.CLAIMED, "pause", false));
            all.add(Arguments.of(db, IdempotencyService.BEFORE_COMMIT, "halt", false));
            all.add(Arguments.of(db, IdempotencyService.COMMITTED, "pause", true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: killed at {1} ({2})")
    @MethodSource("sendCrashes")
    void aKeyedBulkSendKilledAnywhereIsChargedOnceWhenRetried(String database, String point, String action,
                                                             boolean committed) {
        Store store = store(database);
        Account account = account(store);
        String body = bulkBody(); // one body: the retry must be the same request
        Map<String, String> headers = Map.of("X-API-Key", account.key(), "Content-Type", "application/json",
                "Idempotency-Key", "bulk-1");
        String path = "/api/" + account.id() + "/sms/send";

        try (ServerProcess server = ServerProcess.start(home.resolve("server"), store.env(),
                Map.of("jumbe.crashpoint", point, "jumbe.crashpoint.action", action))) {
            CompletableFuture<Http.Response> lost = CompletableFuture.supplyAsync(
                    () -> server.http().send("POST", path, body, headers));
            if ("halt".equals(action)) {
                assertThat(server.awaitExit()).isEqualTo(137);
            } else {
                server.awaitCrashPoint(point);
                assertThat(server.kill9()).isEqualTo(137);
            }
            assertThat(lost).failsWithin(java.time.Duration.ofSeconds(60));
        }

        try (TestApp restarted = TestApp.start(Database.over(store.pool()), Map.of())) {
            Http.Response retry = restarted.http().send("POST", path, body, headers);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            assertThat(retry.json().get("messages").size()).isEqualTo(RECIPIENTS);
            assertThat(retry.json().get("balance").decimalValue()).isEqualByComparingTo("10000");
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo(committed ? "true" : null);
            Http.Response again = restarted.http().send("POST", path, body, headers);
            assertThat(again.body()).isEqualTo(retry.body());

            Jumbe platform = restarted.platform();
            String state = platform.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM messages) AS messages, "
                    + "(SELECT COUNT(*) FROM jobs) AS jobs, (SELECT balance_cents FROM tenants WHERE id = :t) AS balance, "
                    + "(SELECT COUNT(*) FROM wallet_transactions) AS journal").bind("t", account.id()).mapToMap().one())
                    .toString();
            assertThat(debits(platform, account.id())).as(state).containsExactly(RECIPIENTS * 100L);
            assertThat(platform.wallet().balance(account.id()).balance()).isEqualTo(Money.parse("10000"));
            long messages = platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages "
                    + "WHERE tenant_id = :t").bind("t", account.id()).mapTo(Long.class).one());
            assertThat(messages).isEqualTo(RECIPIENTS);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aKeyedTopupKilledAfterThePushIsAnsweredFromItsTopupAndNeverPushedAgain(String database) {
        Store store = store(database);
        Account account = account(store);
        String body = "{\"amount\": 500, \"phone_number\": \"0712345678\"}";
        Map<String, String> headers = Map.of("X-API-Key", account.key(), "Content-Type", "application/json",
                "Idempotency-Key", "tap-1");
        String path = "/api/" + account.id() + "/wallet/topup";

        try (ServerProcess server = ServerProcess.start(home.resolve("server"), store.env(),
                Map.of("jumbe.crashpoint", TopupService.PUSHED, "jumbe.crashpoint.action", "pause"))) {
            CompletableFuture<Http.Response> lost = CompletableFuture.supplyAsync(
                    () -> server.http().send("POST", path, body, headers));
            server.awaitCrashPoint(TopupService.PUSHED);
            server.kill9();
            assertThat(lost).failsWithin(java.time.Duration.ofSeconds(60));
        }

        try (TestApp restarted = TestApp.start(Database.over(store.pool()), Map.of())) {
            Http.Response retry = restarted.http().send("POST", path, body, headers);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            List<String> topups = restarted.platform().wallet().transactions()
                    .page(account.id(), TransactionFilter.none(), 1, 100).stream()
                    .filter(t -> "mpesa".equals(t.paymentMethod())).map(WalletTransaction::id).toList();
            assertThat(topups).singleElement().isEqualTo(retry.json().get("transaction_id").asText());
            assertThat(restarted.http().send("POST", path, body, headers).body()).isEqualTo(retry.body());
            assertThat(restarted.daraja().pushes()).isEmpty();
        }
    }

    private static List<Long> debits(Jumbe platform, long tenant) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT amount_cents FROM wallet_transactions "
                + "WHERE tenant_id = :t AND type = 'debit'").bind("t", tenant).mapTo(Long.class).list());
    }

    // 10,000 distinct numbers ending in 7 (the simulators' ordinary outcome), scheduled for tomorrow: the test is
    // about the request and its charge, and no dispatch of 10,000 messages competes with it for the CPU
    private static String bulkBody() {
        StringBuilder b = new StringBuilder("{\"message\": \"Clinic day moved to Friday\", \"schedule_at\": \""
                + java.time.Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\", \"recipients\": [");
        for (int i = 0; i < RECIPIENTS; i++) {
            b.append(i == 0 ? "" : ",").append("\"254712").append(100000 + i * 10 + 7).append('"');
        }
        return b.append("]}").toString();
    }
}
