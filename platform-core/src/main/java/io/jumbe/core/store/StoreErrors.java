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
     * Whether {@code e} is a transaction the database rolled back to break a conflict with another one: a deadlock
     * or a serialization failure (SQLSTATE class 40), or H2's lock timeout. Nothing of it landed, so running the
     * same transaction again is safe.
     */
    public static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("40")) {
                    return true;
                }
                if (t.getClass().getName().startsWith("org.h2.") && sql.getErrorCode() == 50200) {
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
