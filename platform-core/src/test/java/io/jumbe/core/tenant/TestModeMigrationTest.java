package io.jumbe.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.analytics.Analytics;
import io.jumbe.core.apikeys.ApiKeyFormat;
import io.jumbe.core.common.Money;
import io.jumbe.core.store.Database;
import io.jumbe.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** V40 and V41 over a database that already holds a sender: its test twin, its test key, and its usage backfilled. */
class TestModeMigrationTest {
    private static final String TEST_KEY = new ApiKeyFormat().generate(true);

    private static void beforeV40(DataSource ds, boolean postgres) throws SQLException {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/"
                + (postgres ? "postgresql" : "h2")).target("11").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // an explicit id, as an import would write it: the twins' ids must not collide with it
            s.execute("INSERT INTO tenants (id, name, email, balance_cents, created_at, updated_at) VALUES "
                    + "(7, 'Kliniki', 'pay@kliniki.example', 800, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO sender_ids (tenant_id, name, is_default, created_at) VALUES "
                    + "(7, 'KLINIKI', TRUE, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO api_keys (id, tenant_id, prefix, key_hash, mode, created_at) VALUES ('KEY-T', 7, '"
                    + ApiKeyFormat.displayPrefix(TEST_KEY) + "', '" + ApiKeyFormat.hash(TEST_KEY) + "', 'test', "
                    + "CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO wallet_transactions (id, tenant_id, type, amount_cents, status, balance_before_cents, "
                    + "balance_after_cents, created_at, completed_at) VALUES "
                    + "('TXN-1', 7, 'credit', 1000, 'completed', 0, 1000, TIMESTAMP '2025-10-09 08:00:00+00', "
                    + "TIMESTAMP '2025-10-09 08:00:00+00'), "
                    + "('TXN-2', 7, 'debit', 200, 'completed', 1000, 800, TIMESTAMP '2025-10-09 20:30:00+00', "
                    + "TIMESTAMP '2025-10-09 20:30:00+00')");
            // 23:30 and 00:30 in Nairobi: one UTC day, two Nairobi days
            s.execute("INSERT INTO messages (id, tenant_id, recipient, sender_id, body, encoding, segments, cost_cents, "
                    + "price_cents, status, lane, queued_at, sent_at, delivered_at, created_at) VALUES "
                    + "('MSG-1', 7, '254712345678', 'KLINIKI', 'a', 'GSM-7', 1, 100, 100, 'delivered', 'single', "
                    + "TIMESTAMP '2025-10-09 20:30:00+00', TIMESTAMP '2025-10-09 20:30:01+00', "
                    + "TIMESTAMP '2025-10-09 20:30:05+00', TIMESTAMP '2025-10-09 20:30:00+00'), "
                    + "('MSG-2', 7, '254712345678', 'KLINIKI', 'b', 'GSM-7', 1, 100, 100, 'queued', 'single', "
                    + "TIMESTAMP '2025-10-09 21:30:00+00', NULL, NULL, TIMESTAMP '2025-10-09 21:30:00+00')");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anExistingSenderGetsItsTwinItsTestKeyMovesAndItsUsageIsCountedInNairobiDays(TestDatabase db)
            throws SQLException {
        DataSource ds = db.freshDataSource();
        beforeV40(ds, !db.name().equals("H2"));
        try (Jumbe platform = Jumbe.builder().database(Database.over(ds)).build()) {
            Tenant twin = platform.apiKeys().authenticateWithTenant(TEST_KEY).orElseThrow().tenant();
            assertThat(twin.isTest()).isTrue();
            assertThat(twin.clientId()).isEqualTo(7);
            assertThat(twin.id()).isNotEqualTo(7);
            assertThat(twin.balance()).isEqualTo(Money.parse("1000.00"));
            assertThat(twin.senderIds()).containsExactly("KLINIKI");
            assertThat(platform.tenants().list()).extracting(Tenant::id).containsExactly(7L);
            assertThat(platform.ledgerCheck().verify()).isEmpty();

            List<Analytics.Day> days = platform.analytics().daily(7, LocalDate.parse("2025-10-09"),
                    LocalDate.parse("2025-10-10"), Optional.empty());
            assertThat(days).extracting(d -> d.usage().messagesSent()).containsExactly(1L, 1L);
            assertThat(days).extracting(d -> d.usage().delivered()).containsExactly(1L, 0L);

            // a sender created afterwards takes a fresh id, and its twin another
            long next = platform.tenants().create(NewTenant.of("Next", "n@next.example", "NEXT")).tenant().id();
            assertThat(next).isNotIn(7L, twin.id());
        }
    }
}
