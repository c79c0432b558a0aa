package io.jumbe.core.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.store.Database;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.TransactionFilter;
import io.jumbe.core.wallet.WalletTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A database written before top-ups left the journal (V6) reads the same after V10 and V11. */
class TopupsMigrationTest {

    private static final String COLUMNS = "(id, tenant_id, type, amount_cents, status, payment_method, phone_number, "
            + "reference, checkout_request_id, mpesa_receipt, failure_reason, balance_before_cents, balance_after_cents, "
            + "late_credit, resolved_by, created_by, created_at, completed_at)";

    private static void beforeV10(DataSource ds) throws SQLException {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("6").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenants (id, name, email, balance_cents, created_at, updated_at) VALUES "
                    + "(1, 'Kliniki', 'pay@kliniki.example', 89000, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO wallet_transactions " + COLUMNS + " VALUES "
                    + "('TXN-A', 1, 'credit', 10000, 'completed', 'mpesa', '254712345678', NULL, 'ws_CO_A', 'QKH94M1Z11', "
                    + "NULL, 0, 10000, FALSE, NULL, NULL, TIMESTAMP '2025-10-01 10:00:00+00', TIMESTAMP '2025-10-01 10:00:09+00'),"
                    + "('TXN-B', 1, 'credit', 20000, 'pending', 'mpesa', '254712345678', NULL, 'ws_CO_B', NULL, "
                    + "NULL, NULL, NULL, FALSE, NULL, NULL, TIMESTAMP '2025-10-01 11:00:00+00', NULL),"
                    + "('TXN-C', 1, 'credit', 15000, 'cancelled', 'mpesa', '254712340001', NULL, 'ws_CO_C', NULL, "
                    + "'cancelled by user (M-Pesa ResultCode 1032)', NULL, NULL, FALSE, NULL, NULL, "
                    + "TIMESTAMP '2025-10-01 12:00:00+00', NULL),"
                    + "('TXN-D', 1, 'credit', 30000, 'completed', 'mpesa', '254712345678', NULL, 'ws_CO_D', 'QKH94M1Z22', "
                    + "NULL, 10000, 40000, TRUE, NULL, NULL, TIMESTAMP '2025-10-01 13:00:00+00', TIMESTAMP '2025-10-01 13:30:00+00'),"
                    + "('TXN-E', 1, 'credit', 25000, 'pending', 'manual', NULL, 'bank slip 123', NULL, NULL, "
                    + "NULL, NULL, NULL, FALSE, NULL, 'client:1', TIMESTAMP '2025-10-01 14:00:00+00', NULL),"
                    + "('TXN-F', 1, 'credit', 50000, 'completed', 'manual', NULL, 'goodwill', NULL, NULL, "
                    + "NULL, 40000, 90000, FALSE, NULL, 'admin:grace', TIMESTAMP '2025-10-01 15:00:00+00', TIMESTAMP '2025-10-01 15:00:00+00'),"
                    + "('TXN-G', 1, 'debit', 1000, 'completed', NULL, NULL, NULL, NULL, NULL, "
                    + "NULL, 90000, 89000, FALSE, NULL, NULL, TIMESTAMP '2025-10-01 16:00:00+00', TIMESTAMP '2025-10-01 16:00:00+00')");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void topupsMoveOutOfTheJournalAndTheHistoryReadsTheSame(TestDatabase db) throws SQLException {
        DataSource ds = db.freshDataSource();
        beforeV10(ds);
        try (Jumbe platform = Jumbe.builder().database(Database.over(ds)).build()) {
            Map<String, WalletTransaction> history = platform.wallet().transactions()
                    .page(1, TransactionFilter.none(), 1, 50).stream()
                    .collect(Collectors.toMap(WalletTransaction::id, Function.identity()));
            assertThat(history).containsOnlyKeys("TXN-A", "TXN-B", "TXN-C", "TXN-D", "TXN-E", "TXN-F", "TXN-G");
            assertThat(history.get("TXN-A").mpesaReceipt()).isEqualTo("QKH94M1Z11");
            assertThat(history.get("TXN-A").balanceAfter()).isEqualTo(Money.parse("100"));
            assertThat(history.get("TXN-B").status()).isEqualTo("pending");
            assertThat(history.get("TXN-C").status()).isEqualTo("cancelled");
            assertThat(history.get("TXN-C").failureReason()).isEqualTo("cancelled by user (M-Pesa ResultCode 1032)");
            assertThat(history.get("TXN-E").reference()).isEqualTo("bank slip 123");

            // the live tenants' journal: V40 opens each test twin's wallet with an entry of its own
            List<String> journal = platform.jdbi().withHandle(h -> h.createQuery(
                    "SELECT w.id FROM wallet_transactions w JOIN tenants t ON t.id = w.tenant_id "
                            + "WHERE t.live_tenant_id IS NULL ORDER BY w.id").mapTo(String.class).list());
            assertThat(journal).containsExactly("TXN-A", "TXN-D", "TXN-F", "TXN-G");
            List<String> topups = platform.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM topups ORDER BY id").mapTo(String.class).list());
            assertThat(topups).containsExactly("TXN-A", "TXN-B", "TXN-C", "TXN-D", "TXN-E");

            Topup a = platform.topups().find(1, "TXN-A").orElseThrow();
            assertThat(a.status()).isEqualTo("completed");
            assertThat(a.creditTransactionId()).isEqualTo("TXN-A");
            assertThat(platform.topups().find(1, "TXN-D").orElseThrow().lateCredit()).isTrue();
            assertThat(platform.topups().find(1, "TXN-F")).isEmpty();
            assertThat(platform.topups().find(1, "TXN-C").orElseThrow().status()).isEqualTo("cancelled");
            assertThat(platform.ledgerCheck().verify()).isEmpty();

            // what was pending goes on as before
            assertThat(platform.topups().pendingManualRequests()).extracting(Topup::transactionId)
                    .containsExactly("TXN-E");
            platform.topups().approve("TXN-E", "admin:grace");
            assertThat(platform.wallet().balance(1).balance()).isEqualTo(Money.parse("1140"));
            assertThat(platform.wallet().transactions().find(1, "TXN-E").orElseThrow().balanceAfter())
                    .isEqualTo(Money.parse("1140"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }
}
