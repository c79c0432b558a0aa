package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets {@code messages.status} be {@code read} (a WhatsApp message the recipient opened). Java rather than SQL
 * because H2 names check constraints itself, so the status check is found by its clause and replaced.
 */
public class V13__message_status_read extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> drop = new ArrayList<>();
        String sql = "SELECT tc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc "
                + "JOIN information_schema.check_constraints cc ON cc.constraint_name = tc.constraint_name "
                + "AND cc.constraint_schema = tc.constraint_schema WHERE LOWER(tc.table_name) = 'messages' "
                + "AND tc.table_schema = CURRENT_SCHEMA AND tc.constraint_type = 'CHECK'";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String clause = rs.getString(2);
                if (clause != null && clause.contains("cancelled") && clause.contains("queued")) {
                    drop.add(rs.getString(1));
                }
            }
        }
        if (drop.size() != 1) {
            throw new IllegalStateException("expected one status check on messages, found " + drop);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE messages DROP CONSTRAINT \"" + drop.get(0) + "\"");
            s.execute("ALTER TABLE messages ADD CONSTRAINT messages_status_known CHECK (status IN "
                    + "('queued', 'sent', 'delivered', 'read', 'failed', 'expired', 'cancelled'))");
        }
    }
}
