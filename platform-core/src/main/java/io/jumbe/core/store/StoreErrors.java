package io.jumbe.core.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (down, restarting, pool out of connections) from a failing statement. */
public final class StoreErrors {
    private StoreErrors() {
    }

    /**
     * Whether {@code e} says the database could not be reached: SQLSTATE class 08 (connection) or 57P (shut down,
     * restarting), the pool's timeout waiting for a connection, H2's closed database. Work that failed so is worth
     * doing again once the database is back; a worker pauses instead of looping on the error.
     */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (t.getClass().getName().startsWith("org.h2.") && (sql.getErrorCode() == 90098
                        || sql.getErrorCode() == 90121)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the database aborted the transaction to resolve a conflict with another one: SQLSTATE class 40
     * (PostgreSQL's deadlock victim {@code 40P01}, a serialization failure {@code 40001}; H2 reports its deadlocks as
     * {@code 40001} too). Nothing of the transaction landed, and the same work may simply be tried again.
     */
    public static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("40")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
