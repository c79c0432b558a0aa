package io.jumbe.core.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Batched inserts of many rows, in the caller's transaction. */
public final class Batches {
    /** Rows per JDBC batch: a 10,000-recipient send is inserted in parts, so its bound rows never pile up at once. */
    public static final int PART = 500;

    private Batches() {
    }

    /**
     * Runs {@code sql} once per row, {@value #PART} rows to a batch.
     *
     * @param bind binds one row's values to the batch (without {@code add()})
     */
    public static <T> void insertInParts(Handle h, String sql, Iterable<T> rows, BiConsumer<PreparedBatch, T> bind) {
        PreparedBatch batch = h.prepareBatch(sql);
        int pending = 0;
        for (T row : rows) {
            bind.accept(batch, row);
            batch.add();
            if (++pending == PART) {
                batch.execute();
                batch.close();
                batch = h.prepareBatch(sql);
                pending = 0;
            }
        }
        if (pending > 0) {
            batch.execute();
        }
        batch.close();
    }

    /**
     * As {@link #insertInParts}, for the rows of the send path (a bulk's messages and their jobs): the values go
     * straight to the driver, by position. Jdbi wraps each named value and resolves its argument factory, for the
     * 25,000 values of a 1,000-recipient send, and that garbage was a good part of what the bulk path and the
     * collections every other request waited behind cost. Values are bound as Jdbi binds them (an {@link Instant} as
     * a {@link Timestamp}), so the rows are the same either way.
     *
     * @param sql  with {@code ?} placeholders
     * @param bind sets one row's values, in placeholder order
     */
    public static <T> void insertRows(Handle h, String sql, Iterable<T> rows, RowBinder<T> bind) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            Row row = new Row(ps);
            int pending = 0;
            for (T value : rows) {
                row.next = 0;
                bind.bind(row, value);
                ps.addBatch();
                if (++pending == PART) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(sql, e, null);
        }
    }

    /** Sets one row's values of {@link #insertRows}. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(Row row, T value) throws SQLException;
    }

    /** The next placeholders of a row, filled in order. */
    public static final class Row {
        private final PreparedStatement ps;
        private int next;

        private Row(PreparedStatement ps) {
            this.ps = ps;
        }

        public Row text(String value) throws SQLException {
            if (value == null) {
                ps.setNull(++next, Types.VARCHAR);
            } else {
                ps.setString(++next, value);
            }
            return this;
        }

        public Row number(long value) throws SQLException {
            ps.setLong(++next, value);
            return this;
        }

        public Row time(Instant value) throws SQLException {
            if (value == null) {
                ps.setNull(++next, Types.TIMESTAMP);
            } else {
                ps.setTimestamp(++next, Timestamp.from(value));
            }
            return this;
        }
    }
}
