package io.jumbe.core.payments;

import java.sql.SQLException;

/** What a failed statement means, the same on H2 and PostgreSQL. */
final class Sql {
    private Sql() {
    }

    /** True when a unique constraint refused the row (SQLState 23505 on both databases). */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
