package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops two checks from {@code events} that every balance change paid for while holding the tenant's row lock: the
 * foreign key to {@code tenants} (an extra trigger query per event; the statement that writes an event has just
 * updated that tenant's row, and tenants are never deleted) and the unique index on {@code event_id} (never looked
 * up; the ids carry 80 random bits per millisecond). {@code UNIQUE (tenant_id, sequence)} stays: it guards ordering.
 *
 * <p>Java rather than SQL because H2 names constraints itself, so the names are looked up.
 */
public class V7__events_without_hot_path_checks extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> drop = new ArrayList<>();
        String sql = "SELECT tc.constraint_name, tc.constraint_type, kcu.column_name FROM information_schema.table_constraints tc "
                + "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
                + "AND kcu.table_schema = tc.table_schema WHERE LOWER(tc.table_name) = 'events' "
                + "AND tc.table_schema = CURRENT_SCHEMA";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String type = rs.getString(2).toUpperCase(Locale.ROOT);
                String column = rs.getString(3).toLowerCase(Locale.ROOT);
                if (("FOREIGN KEY".equals(type) && "tenant_id".equals(column))
                        || ("UNIQUE".equals(type) && "event_id".equals(column))) {
                    drop.add(rs.getString(1));
                }
            }
        }
        if (drop.size() != 2) {
            throw new IllegalStateException("expected the events foreign key and event_id unique constraint, found " + drop);
        }
        for (String name : drop) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE events DROP CONSTRAINT \"" + name + "\"");
            }
        }
    }
}
