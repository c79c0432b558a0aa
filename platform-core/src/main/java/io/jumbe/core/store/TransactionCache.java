package io.jumbe.core.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Values that hold until the current transaction ends, kept on the {@link Handle}: one part of a transaction records
 * what it read under a row lock (the tenant's settings version) for another part to use. Entries go when the
 * transaction commits or rolls back.
 */
public final class TransactionCache implements JdbiConfig<TransactionCache> {
    private final Map<Object, Object> values = new HashMap<>();
    private boolean armed;

    /** Jdbi creates one per handle through this constructor; it must stay public and empty. */
    public TransactionCache() {
    }

    @Override
    public TransactionCache createCopy() {
        return new TransactionCache(); // never share values between handles
    }

    /** Keeps {@code value} under {@code key} until the transaction ends; outside a transaction, does nothing. */
    public static void put(Handle h, Object key, Object value) {
        if (h.isInTransaction()) {
            TransactionCache cache = h.getConfig(TransactionCache.class);
            cache.arm(h);
            cache.values.put(key, value);
        }
    }

    /** What this transaction keeps under {@code key}, if anything. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> get(Handle h, Object key) {
        return Optional.ofNullable((T) h.getConfig(TransactionCache.class).values.get(key));
    }

    private void arm(Handle h) {
        if (!armed) {
            armed = true;
            Runnable clear = () -> {
                values.clear();
                armed = false;
            };
            h.afterCommit(clear);
            h.afterRollback(clear);
        }
    }
}
