package io.jumbe.core.wallet;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the rule that {@code wallet_transactions} is append-only (PostgreSQL's is a PL/pgSQL trigger): H2
 * runs this class before every UPDATE and DELETE of the journal, and it refuses them. Installed by migration V11.
 */
public final class AppendOnlyJournal implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        // SQLState 23001 (restrict_violation), the one PostgreSQL's trigger raises
        throw new SQLException("wallet_transactions is append-only: " + operation + " refused", "23001");
    }
}
