package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A tenant may be {@code pending}: a sign-up whose email is confirmed but not yet approved. Its live row can do
 * nothing (no live key, no sender id, refused by the authenticator) while its test twin is active, so the applicant
 * integrates in test mode until an admin decides.
 *
 * <p>Java rather than SQL because V1 declared the status check inline, so it has a generated name that differs
 * between H2 and PostgreSQL; both expose it through {@code information_schema}.
 */
public class V70__pending_tenants extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tc.constraint_name FROM information_schema.table_constraints tc "
                    + "JOIN information_schema.check_constraints cc ON cc.constraint_name = tc.constraint_name "
                    + "AND cc.constraint_schema = tc.constraint_schema "
                    + "WHERE UPPER(tc.table_name) = 'TENANTS' AND tc.table_schema = CURRENT_SCHEMA AND tc.constraint_type = 'CHECK' "
                    + "AND cc.check_clause LIKE '%suspended%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            if (names.size() != 1) {
                throw new IllegalStateException("expected one status check on tenants, found " + names);
            }
            s.execute("ALTER TABLE tenants DROP CONSTRAINT \"" + names.get(0) + "\"");
            s.execute("ALTER TABLE tenants ADD CONSTRAINT tenants_status "
                    + "CHECK (status IN ('active', 'suspended', 'pending'))");
        }
    }
}
