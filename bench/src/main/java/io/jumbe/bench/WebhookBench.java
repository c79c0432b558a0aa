package io.jumbe.bench;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.webhooks.WebhookConfigRequest;
import io.jumbe.core.webhooks.WebhookService;
import io.jumbe.core.webhooks.WebhookSettings;
import io.jumbe.server.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook delivery speed, end to end through the real server composition (events, outbox, job runner, signing,
 * HTTP) to a local receiver that answers at once:
 *
 * <ol>
 *   <li>throughput: a backlog of balance changes recorded while no worker runs, then drained; deliveries per second;</li>
 *   <li>latency: balance changes at a steady rate while the workers run; time from the change's commit to the
 *       receiver getting its webhook, p50 / p99 / max.</li>
 * </ol>
 * Prints numbers, asserts nothing. System properties: {@code bench.db} ({@code postgres}, the default: embedded
 * binaries unless {@code BENCH_DATABASE_URL} names a server; or {@code h2}), {@code bench.backlog} (5000),
 * {@code bench.rate} per second (200), {@code bench.seconds} (10), {@code bench.tenants} (50).
 */
public final class WebhookBench {

    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicInteger arrivals = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try {
            runWith();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void runWith() throws Exception {
        String dbKind = System.getProperty("bench.db", "postgres");
        int backlog = Integer.getInteger("bench.backlog", 5000);
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int tenants = Integer.getInteger("bench.tenants", 50);
        new WebhookBench().run(dbKind, backlog, rate, seconds, tenants);
    }

    private void run(String dbKind, int backlog, int rate, int seconds, int tenantCount) throws Exception {
        EmbeddedPostgres pg = null;
        DataSource ds;
        String external = System.getenv("BENCH_DATABASE_URL");
        if (dbKind.equals("postgres") && external != null && !external.isBlank()) {
            ds = pool(external, System.getenv().getOrDefault("BENCH_DATABASE_USER", "postgres"),
                    System.getenv("BENCH_DATABASE_PASSWORD"));
        } else if (dbKind.equals("postgres")) {
            pg = EmbeddedPostgres.builder().start();
            ds = pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } else {
            ds = pool("jdbc:h2:mem:bench;" + ConfigLoader.H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        HttpServer receiver = receiver();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        Database database = Database.over(ds);
        JumbeConfig config = new ConfigLoader(Map.of("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                // an in-memory database: a key for this run, no key file written into the working folder
                "JUMBE_SECRET_KEY", io.jumbe.core.secrets.SecretBox.generateKey())).load();

        System.out.printf("Webhook benchmark: %s, %d tenants, %d delivery workers, at most %d in flight per tenant%n",
                dbKind.equals("postgres") ? (pg == null ? "PostgreSQL" : "embedded PostgreSQL") : "H2 in memory", tenantCount,
                WebhookService.CONCURRENCY, WebhookService.PER_TENANT_IN_FLIGHT);

        // Phase 1: record the backlog with no worker running, then start the server and drain it.
        Jumbe recorder = Jumbe.builder().database(database).webhookSettings(WebhookSettings.from(config)).build();
        List<Long> tenants = new ArrayList<>();
        for (int i = 0; i < tenantCount; i++) {
            long id = recorder.tenants().create(NewTenant.of("Bench " + i, "bench@example.org", "BENCH")
                    .withBalance(Money.parse("1.00"))).tenant().id();
            recorder.webhooks().putConfig(id, new WebhookConfigRequest(url, List.of("balance.updated"), null));
            tenants.add(id);
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < backlog; i++) {
            long tenant = tenants.get(i % tenants.size());
            writers.submit(() -> credit(recorder, tenant));
        }
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.MINUTES);
        arrivals.set(0);
        long drainStart = System.nanoTime();
        Application app = new Application(config, database, Clock.systemUTC()).start(0);
        waitFor(backlog, TimeUnit.MINUTES.toNanos(10));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        System.out.printf("Throughput: %d queued deliveries drained in %.2f s = %.0f deliveries/s%n",
                backlog, drainSeconds, backlog / drainSeconds);

        // Phase 2: steady sending while the workers run; latency from commit to arrival.
        committedAt.clear();
        arrivedAt.clear();
        arrivals.set(0);
        int total = rate * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        ExecutorService steady = Executors.newFixedThreadPool(8);
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long tenant = tenants.get(i % tenants.size());
            steady.submit(() -> credit(app.platform(), tenant));
        }
        steady.shutdown();
        steady.awaitTermination(10, TimeUnit.MINUTES);
        waitFor(total, TimeUnit.MINUTES.toNanos(5));
        long[] latencies = committedAt.entrySet().stream()
                .filter(e -> arrivedAt.containsKey(e.getKey()))
                .mapToLong(e -> arrivedAt.get(e.getKey()) - e.getValue())
                .sorted().toArray();
        System.out.printf("Latency at %d events/s for %d s (%d deliveries), commit to receiver: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, latencies.length,
                pct(latencies, 50), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);

        app.close();
        receiver.stop(0);
        if (pg != null) {
            pg.close();
        }
    }

    private void credit(Jumbe platform, long tenant) {
        // Runs on a pool whose futures nobody reads: say so if it fails, or the wait below would only time out.
        try {
            creditOnce(platform, tenant);
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private void creditOnce(Jumbe platform, long tenant) {
        String txn = platform.wallet().manualCredit(tenant, Money.parse("1.00"), "BENCH", null, "bench").transactionId();
        committedAt.put(txn, System.nanoTime());
    }

    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            JsonNode json = Json.mapper().readTree(body);
            arrivedAt.putIfAbsent(json.at("/data/transaction_id").asText(), now);
            arrivals.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void waitFor(int count, long limitNanos) throws InterruptedException {
        long deadline = System.nanoTime() + limitNanos;
        while (arrivals.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.get() + " of " + count + " deliveries arrived");
            }
            Thread.sleep(5);
        }
    }

    private static double pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static DataSource pool(String url, String user, String password) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(user);
        if (password != null) {
            c.setPassword(password);
        }
        c.setMaximumPoolSize(40);
        return new HikariDataSource(c);
    }
}
