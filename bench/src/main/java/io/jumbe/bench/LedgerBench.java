package io.jumbe.bench;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.wallet.Posting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Conditional debits per second on PostgreSQL through the core API ({@code Ledger.debit}: conditional UPDATE,
 * journal entry, balance.updated event, one transaction) beside a raw-JDBC baseline of the same UPDATE plus
 * journal INSERT, at the same concurrency, against one tenant and spread over 100. Prints numbers; asserts nothing.
 *
 * <p>Uses the PostgreSQL named by {@code BENCH_DATABASE_URL} (jdbc:postgresql://…) or starts embedded binaries.
 */
public final class LedgerBench {
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 3));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 8));

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres embedded = null;
        String url = System.getenv("BENCH_DATABASE_URL");
        String user = System.getenv().getOrDefault("BENCH_DATABASE_USER", "postgres");
        if (url == null) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setMaximumPoolSize(THREADS);
        try (HikariDataSource ds = new HikariDataSource(hc); Jumbe platform = Jumbe.builder().database(Database.over(ds)).build()) {
            List<Long> tenants = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                tenants.add(platform.tenants().create(NewTenant.of("Bench " + i, "b" + i + "@bench.example", "BENCH")
                        .withBalance(Money.parse("100000000.00"))).tenant().id());
            }
            System.out.printf(Locale.ROOT, "Ledger benchmark on PostgreSQL, %d threads, %ds measured after %ds warm-up%n",
                    THREADS, MEASURE.toSeconds(), WARMUP.toSeconds());
            System.out.printf(Locale.ROOT, "%-22s %14s %14s %8s%n", "tenants", "core API /s", "raw JDBC /s", "ratio");
            for (int spread : new int[] {1, 100}) {
                List<Long> targets = tenants.subList(0, spread);
                Posting posting = Posting.of("sms_charge", "bench");
                double core = run(() -> {
                    long t = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                    platform.jdbi().useTransaction(h -> platform.ledger().debit(h, t, Money.ofCents(100), posting)
                            .orElseThrow());
                });
                double raw = run(() -> rawDebit(ds, targets.get(ThreadLocalRandom.current().nextInt(targets.size()))));
                System.out.printf(Locale.ROOT, "%-22s %14.0f %14.0f %7.0f%%%n", spread == 1 ? "1 (contended)" : "100 (spread)",
                        core, raw, 100 * core / raw);
            }
            System.out.println("ledger check: " + (platform.ledgerCheck().verify().isEmpty() ? "OK" : "MISMATCH")
                    + " (the raw baseline writes journal rows too, so balances still add up)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The same work without the platform: conditional UPDATE and journal INSERT in one transaction. */
    private static void rawDebit(HikariDataSource ds, long tenant) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE tenants SET balance_cents = balance_cents - ? WHERE id = ? AND balance_cents >= ?");
                 PreparedStatement i = c.prepareStatement("INSERT INTO wallet_transactions (id, tenant_id, type, "
                         + "amount_cents, status, description, created_at, completed_at) VALUES (?, ?, 'debit', ?, "
                         + "'completed', 'raw', now(), now())")) {
                u.setLong(1, 100);
                u.setLong(2, tenant);
                u.setLong(3, 100);
                if (u.executeUpdate() != 1) {
                    throw new IllegalStateException("insufficient balance");
                }
                i.setString(1, "RAW-" + UUID.randomUUID());
                i.setLong(2, tenant);
                i.setLong(3, 100);
                i.executeUpdate();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private static double run(Op op) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < THREADS; i++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        op.run();
                        if (counting.get()) {
                            done.increment();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            });
        }
        Thread.sleep(WARMUP.toMillis());
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(MEASURE.toMillis());
        long count = done.sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        return count / seconds;
    }
}
