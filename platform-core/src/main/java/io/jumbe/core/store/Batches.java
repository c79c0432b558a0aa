package io.jumbe.core.store;

import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

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
}
