package io.jumbe.bench;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.jobs.Backoff;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.server.Application;
import io.jumbe.server.sms.SmsTuning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * SMS throughput through HTTP on embedded PostgreSQL, beside a raw JDBC debit+insert baseline at the same
 * concurrency. Prints numbers; asserts nothing. Run:
 * {@code mvn -q -pl bench -am install -DskipTests && mvn -q -pl bench exec:java -Dexec.mainClass=io.jumbe.bench.SmsBench}
 */
public final class SmsBench {
    private static final int CONCURRENCY = 32;
    private static final int BULK_CONCURRENCY = 4;
    private static final Duration RUN = Duration.ofSeconds(5);
    private static final AtomicLong peakRssKb = new AtomicLong();

    private record Target(String baseUrl, long clientId, String key) {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("jumbe-bench");
        // No fsync wait on commit, for the server and the raw baseline alike: the numbers then show our code and
        // locking rather than the disk of the machine that runs the benchmark.
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            JumbeConfig config = new ConfigLoader(Map.of("DATABASE_URL", url, "JUMBE_HOME", home.toString(),
                    // the benchmark measures the send path, not the tier limits (bronze allows 60 a minute)
                    "ONFON_MAX_TPS", "1000000", "RATE_LIMITS", "false")).load();
            SmsTuning tuning = new SmsTuning(Duration.ofMillis(100), Duration.ofMinutes(2),
                    Backoff.standard(), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(1));
            Thread sampler = rssSampler();
            try (Application app = new Application(config, Database.open(config.database(), 40), Clock.systemUTC(), tuning)
                    .start(0)) {
                Jumbe platform = app.platform();
                List<Target> tenants = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    var created = platform.tenants().create(NewTenant.of("Bench " + i, "bench@example.com", "BENCH")
                            .withBalance(Money.parse("10000000.00")));
                    tenants.add(new Target(app.baseUrl(), created.tenant().id(), created.key().secret()));
                }
                ExecutorService clientThreads = Executors.newFixedThreadPool(CONCURRENCY);
                HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
                DataSource raw = pg.getPostgresDatabase();
                System.out.printf("SmsBench: embedded PostgreSQL, %d client threads, %ds per run, server in this JVM%n",
                        CONCURRENCY, RUN.toSeconds());

                warmUp(http, tenants.get(0));
                double one = sends(http, List.of(tenants.get(0)), CONCURRENCY, RUN, single());
                double oneRaw = rawSends(raw, List.of(tenants.get(0).clientId()), CONCURRENCY, RUN, 1);
                print("single sends/s, 1 tenant", one, oneRaw);
                double hundred = sends(http, tenants, CONCURRENCY, RUN, single());
                double hundredRaw = rawSends(raw, tenants.stream().map(Target::clientId).toList(), CONCURRENCY, RUN, 1);
                print("single sends/s, 100 tenants", hundred, hundredRaw);
                String bulkBody = bulk(1000);
                double bulks = sends(http, tenants.subList(0, BULK_CONCURRENCY), BULK_CONCURRENCY, RUN, bulkBody) * 1000;
                double bulksRaw = rawSends(raw, tenants.subList(0, BULK_CONCURRENCY).stream().map(Target::clientId).toList(),
                        BULK_CONCURRENCY, RUN, 1000) * 1000;
                print("bulk recipients/s (1,000 per request, " + BULK_CONCURRENCY + " threads)", bulks, bulksRaw);

                double rate = Math.max(1, Math.max(one, hundred) / 2);
                long[] latencies = paced(http, tenants, rate, RUN);
                System.out.printf("send latency at %.0f req/s (half the peak): p50 %.1f ms, p99 %.1f ms (%d calls)%n",
                        rate, pct(latencies, 0.50) / 1e6, pct(latencies, 0.99) / 1e6, latencies.length);

                // Stop dispatch, queue a backlog (whatever the runs above left plus 20 bulks), then time draining it.
                app.smsDispatcher().close();
                String dispatchBulk = bulk(1000);
                for (int i = 0; i < 20; i++) {
                    post(http, tenants.get(i), dispatchBulk);
                }
                long before = queued(platform);
                long start = System.nanoTime();
                app.smsDispatcher().start();
                awaitQueueEmpty(platform, Duration.ofSeconds(20));
                double seconds = (System.nanoTime() - start) / 1e9;
                long dispatched = before - queued(platform);
                System.out.printf("dispatch to the simulator, no upstream cap: %d of %d queued messages in %.1f s = %.0f "
                        + "messages/s%n", dispatched, before, seconds, dispatched / seconds);
                System.out.printf("resident memory at peak (server, simulator and load generator in one JVM): %d MiB%n",
                        peakRssKb.get() / 1024);
                System.out.printf("ledger check mismatches: %d%n", platform.ledgerCheck().verify().size());
                clientThreads.shutdownNow();
            } finally {
                sampler.interrupt();
            }
        }
        // OkHttp's idle connection and dispatcher threads would keep the JVM up for another minute
        System.exit(0);
    }

    private static void print(String what, double http, double raw) {
        System.out.printf("%-55s HTTP %8.0f   raw JDBC debit+insert %8.0f   (%3.0f%% of raw)%n", what, http, raw,
                100 * http / raw);
    }

    private static String single() {
        return "{\"recipient\":\"0712345678\",\"message\":\"Your appointment is tomorrow at 9am\"}";
    }

    private static String bulk(int n) {
        StringBuilder b = new StringBuilder("{\"recipients\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"07").append(20_000_100 + i).append('"');
        }
        return b.append("],\"message\":\"Clinic closed on Friday\"}").toString();
    }

    private static int post(HttpClient http, Target t, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(t.baseUrl() + "/api/" + t.clientId() + "/sms/send"))
                .header("X-API-Key", t.key()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void warmUp(HttpClient http, Target t) throws Exception {
        for (int i = 0; i < 300; i++) {
            post(http, t, single());
        }
    }

    /** Closed loop: each thread sends as fast as answers come; returns accepted requests per second. */
    private static double sends(HttpClient http, List<Target> targets, int threads, Duration run, String body)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong accepted = new AtomicLong();
        long end = System.nanoTime() + run.toNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    if (post(http, targets.get(i++ % targets.size()), body) == 202) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return accepted.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The floor under a send: one conditional debit, its journal entry and {@code recipients} message rows in one
     * transaction over plain JDBC, at the same concurrency.
     */
    private static double rawSends(DataSource ds, List<Long> tenants, int threads, Duration run, int recipients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + run.toNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    int i = offset;
                    while (System.nanoTime() < end) {
                        rawSend(c, tenants.get(i++ % tenants.size()), recipients);
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void rawSend(Connection c, long tenant, int recipients) throws SQLException {
        long cost = 100L * recipients;
        Instant now = Instant.now();
        try (PreparedStatement debit = c.prepareStatement("UPDATE tenants SET balance_cents = balance_cents - ?, "
                + "event_seq = event_seq + 1 WHERE id = ? AND balance_cents >= ?");
             PreparedStatement journal = c.prepareStatement("INSERT INTO wallet_transactions (id, tenant_id, type, "
                     + "amount_cents, status, created_at) VALUES (?, ?, 'debit', ?, 'completed', ?)");
             PreparedStatement message = c.prepareStatement("INSERT INTO messages (id, tenant_id, recipient, sender_id, "
                     + "body, encoding, segments, cost_cents, price_cents, status, lane, queued_at, created_at) VALUES "
                     + "(?, ?, '254712345678', 'BENCH', 'raw', 'GSM-7', 1, 100, 100, 'cancelled', 'single', ?, ?)")) {
            debit.setLong(1, cost);
            debit.setLong(2, tenant);
            debit.setLong(3, cost);
            debit.executeUpdate();
            journal.setString(1, "RAW-" + UUID.randomUUID());
            journal.setLong(2, tenant);
            journal.setLong(3, cost);
            journal.setObject(4, java.sql.Timestamp.from(now));
            journal.executeUpdate();
            for (int i = 0; i < recipients; i++) {
                message.setString(1, "RAW-" + UUID.randomUUID());
                message.setLong(2, tenant);
                message.setObject(3, java.sql.Timestamp.from(now));
                message.setObject(4, java.sql.Timestamp.from(now));
                message.addBatch();
            }
            message.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Open loop at {@code rate} requests per second spread over the tenants; returns each call's nanoseconds. */
    private static long[] paced(HttpClient http, List<Target> targets, double rate, Duration run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY * 2);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long n = run.toNanos() / interval;
        List<Future<Long>> futures = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Target t = targets.get((int) (i % targets.size()));
            futures.add(pool.submit(() -> {
                long s = System.nanoTime();
                post(http, t, single());
                return System.nanoTime() - s;
            }));
        }
        long[] out = new long[futures.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = futures.get(i).get();
        }
        pool.shutdown();
        Arrays.sort(out);
        return out;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long queued(Jumbe platform) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages WHERE status = 'queued'")
                .mapTo(Long.class).one());
    }

    private static void awaitQueueEmpty(Jumbe platform, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && queued(platform) > 0) {
            Thread.sleep(50);
        }
    }

    private static Thread rssSampler() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            long kb = Long.parseLong(line.replaceAll("\\D", ""));
                            peakRssKb.accumulateAndGet(kb, Math::max);
                        }
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    return;
                }
            }
        }, "rss-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
