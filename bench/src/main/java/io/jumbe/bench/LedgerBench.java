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
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

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
            System.out.printf(Locale.ROOT, "Ledger benchmark on PostgreSQL, %d threads; each figure the median of %d "
                    + "interleaved rounds of %ds, after %ds of warm-up on each side%n", THREADS, ROUNDS, MEASURE.toSeconds(),
                    WARMUP.toSeconds());
            System.out.printf(Locale.ROOT, "%-16s %12s %12s %7s   %s%n", "tenants", "core API /s", "raw JDBC /s", "ratio",
                    "rounds (core/raw)");
            Posting posting = Posting.of("sms_charge", "bench");
            for (int spread : new int[] {1, 100}) {
                List<Long> targets = tenants.subList(0, spread);
                Op core = () -> {
                    long t = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                    platform.jdbi().useTransaction(h -> platform.ledger().debit(h, t, Money.ofCents(100), posting)
                            .orElseThrow());
                };
                Op raw = () -> rawDebit(ds, targets.get(ThreadLocalRandom.current().nextInt(targets.size())));
                // Both sides warm up first (JIT, server caches), then alternate, so neither gains from going second.
                run(core, WARMUP);
                run(raw, WARMUP);
                double[] cores = new double[ROUNDS];
                double[] raws = new double[ROUNDS];
                StringBuilder rounds = new StringBuilder();
                for (int r = 0; r < ROUNDS; r++) {
                    raws[r] = run(raw, MEASURE);
                    cores[r] = run(core, MEASURE);
                    rounds.append(String.format(Locale.ROOT, "%s%.0f/%.0f", r == 0 ? "" : " ", cores[r], raws[r]));
                }
                double coreRate = median(cores);
                double rawRate = median(raws);
                System.out.printf(Locale.ROOT, "%-16s %12.0f %12.0f %6.0f%%   %s%n",
                        spread == 1 ? "1 (contended)" : "100 (spread)", coreRate, rawRate, 100 * coreRate / rawRate, rounds);
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
                 // the journal takes each entry with the balance on either side of it, as the ledger writes it
                 PreparedStatement i = c.prepareStatement("INSERT INTO wallet_transactions (id, tenant_id, type, "
                         + "amount_cents, status, description, created_at, completed_at, balance_before_cents, "
                         + "balance_after_cents) SELECT ?, id, 'debit', ?, 'completed', 'raw', now(), now(), "
                         + "balance_cents + ?, balance_cents FROM tenants WHERE id = ?")) {
                u.setLong(1, 100);
                u.setLong(2, tenant);
                u.setLong(3, 100);
                if (u.executeUpdate() != 1) {
                    throw new IllegalStateException("insufficient balance");
                }
                i.setString(1, "RAW-" + UUID.randomUUID());
                i.setLong(2, 100);
                i.setLong(3, 100);
                i.setLong(4, tenant);
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Runs {@code op} on every thread for {@code duration}; returns completions per second. */
    private static double run(Op op, Duration duration) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean(false);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<java.util.concurrent.Future<Void>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    op.run();
                    done.increment();
                }
                return null;
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        long count = done.sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (java.util.concurrent.Future<Void> worker : workers) {
            worker.get(); // a failed debit fails the benchmark instead of quietly lowering the count
        }
        return count / seconds;
    }
}
