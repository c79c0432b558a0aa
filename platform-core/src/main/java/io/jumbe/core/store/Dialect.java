package io.jumbe.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The few places where H2 and PostgreSQL need different SQL. */
public enum Dialect {
    POSTGRES, H2;

    static Dialect of(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("postgres") ? POSTGRES : H2;
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps an UPDATE so it yields the changed rows' columns in one statement: {@code RETURNING} on PostgreSQL,
     * a data change delta table on H2 (which has no {@code UPDATE … RETURNING}).
     */
    public String updateReturning(String table, String setAndWhere, String columns) {
        return switch (this) {
            case POSTGRES -> "UPDATE " + table + " " + setAndWhere + " RETURNING " + columns;
            case H2 -> "SELECT " + columns + " FROM FINAL TABLE (UPDATE " + table + " " + setAndWhere + ")";
        };
    }
}
