package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Test mode (issue 14): every tenant gets a test twin, a second {@code tenants} row that {@code sk_test_} keys
 * authenticate as. Everything keyed by {@code tenant_id} (messages, journal, top-ups, events, webhooks, …) is then
 * separate per mode with no mode column anywhere. The twin answers on its live tenant's client id and copies the
 * business's settings (name, email, price, tier, status, sender ids), which {@code TenantService} keeps in step; its
 * wallet is its own, opened with KES 1,000.00 through the journal so that the ledger check holds.
 *
 * <p>Java rather than SQL because the twins take new identity values, and a database whose tenants were inserted
 * with explicit ids must first have its identity moved past them, which H2 and PostgreSQL spell differently.
 */
public class V40__test_mode_twins extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE tenants ADD COLUMN live_tenant_id BIGINT REFERENCES tenants (id)");
            s.execute("CREATE UNIQUE INDEX tenants_live_tenant ON tenants (live_tenant_id)");
            long max = 0;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM tenants")) {
                rs.next();
                max = rs.getLong(1);
            }
            if (max > 0) {
                if (postgres) {
                    // no id above the largest exists (tenants are never deleted), so this never reuses one
                    s.execute("SELECT setval(pg_get_serial_sequence('tenants', 'id'), " + max + ")");
                } else {
                    s.execute("ALTER TABLE tenants ALTER COLUMN id RESTART WITH " + (max + 1));
                }
            }
            s.execute("INSERT INTO tenants (name, email, price_per_segment_cents, tier, low_balance_threshold_cents, "
                    + "status, balance_cents, event_seq, created_at, updated_at, live_tenant_id) "
                    + "SELECT name, email, price_per_segment_cents, tier, low_balance_threshold_cents, status, 100000, 0, "
                    + "created_at, updated_at, id FROM tenants WHERE live_tenant_id IS NULL ORDER BY id");
            s.execute("INSERT INTO wallet_transactions (id, tenant_id, type, amount_cents, status, payment_method, "
                    + "reference, description, balance_before_cents, balance_after_cents, created_by, created_at, "
                    + "completed_at) SELECT CONCAT('TXN-TESTOPEN-', CAST(id AS VARCHAR(20))), id, 'credit', 100000, "
                    + "'completed', 'manual', 'test-mode-opening', 'Test mode opening balance', 0, 100000, 'system', "
                    + "created_at, created_at FROM tenants WHERE live_tenant_id IS NOT NULL");
            s.execute("INSERT INTO sender_ids (tenant_id, name, is_default, created_at) "
                    + "SELECT twin.id, s.name, s.is_default, s.created_at "
                    + "FROM sender_ids s JOIN tenants twin ON twin.live_tenant_id = s.tenant_id");
            // test keys issued before test mode existed belonged to the live tenant; they now act on its twin
            s.execute("UPDATE api_keys SET tenant_id = (SELECT twin.id FROM tenants twin "
                    + "WHERE twin.live_tenant_id = api_keys.tenant_id) WHERE mode = 'test' "
                    + "AND tenant_id IN (SELECT live_tenant_id FROM tenants WHERE live_tenant_id IS NOT NULL)");
        }
    }
}
