package io.jumbe.core.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Values read once per transaction and reused until it ends, held on the {@link Handle}. It lets a service read what
 * it needs before a statement takes a hot row lock (the tenant's balance) and use it after, so the lock is held for
 * fewer round trips. Entries go when the transaction commits or rolls back; writers {@link #evict} what they change.
 */
public final class TransactionCache implements JdbiConfig<TransactionCache> {
    private final Map<Object, Object> values = new HashMap<>();
    private boolean armed;

    /** Jdbi creates one per handle through this constructor; it must stay public and empty. */
    public TransactionCache() {
    }

    @Override
    public TransactionCache createCopy() {
        return new TransactionCache(); // never share cached rows between handles
    }

    /** The value cached under {@code key} in this transaction, loading (and caching) it on first use. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Handle h, Object key, Supplier<T> loader) {
        TransactionCache cache = h.getConfig(TransactionCache.class);
        if (cache.values.containsKey(key)) {
            return (T) cache.values.get(key);
        }
        T value = loader.get();
        if (h.isInTransaction()) { // outside a transaction there is no end to clear at, so nothing is kept
            cache.arm(h);
            cache.values.put(key, value);
        }
        return value;
    }

    /** Caches {@code value} under {@code key} until the transaction ends; outside a transaction, does nothing. */
    public static void put(Handle h, Object key, Object value) {
        if (h.isInTransaction()) {
            TransactionCache cache = h.getConfig(TransactionCache.class);
            cache.arm(h);
            cache.values.put(key, value);
        }
    }

    /** What is cached under {@code key}, if anything, without loading. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> peek(Handle h, Object key) {
        TransactionCache cache = h.getConfig(TransactionCache.class);
        return cache.values.containsKey(key) ? Optional.ofNullable((T) cache.values.get(key)) : Optional.empty();
    }

    /** Forgets {@code key}, so the next {@link #get} reads it again. */
    public static void evict(Handle h, Object key) {
        h.getConfig(TransactionCache.class).values.remove(key);
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
