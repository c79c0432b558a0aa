package io.jumbe.core.store;

import java.sql.SQLException;

/** What a failed statement means, read from its SQLState so that H2 and PostgreSQL answer alike. */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** A unique constraint or primary key refused the row: SQLState 23505 on both databases. */
    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, "23505");
    }

    /**
     * A row lock could not be had at once or in time: PostgreSQL's {@code lock_not_available} (55P03, what
     * {@code FOR UPDATE NOWAIT} raises) or H2's lock timeout (HYT00), which H2 also raises when a row with the same
     * key is being inserted by a transaction that has not committed yet.
     */
    public static boolean isLockNotAvailable(Throwable e) {
        return hasState(e, "55P03") || hasState(e, "HYT00");
    }

    /**
     * The database rolled the transaction back to break a deadlock (PostgreSQL 40P01) or a serialization conflict
     * (40001, also H2's deadlock): nothing of it was kept, and the same work run again is expected to succeed.
     */
    public static boolean isTransactionConflict(Throwable e) {
        return hasState(e, "40001") || hasState(e, "40P01");
    }

    private static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
