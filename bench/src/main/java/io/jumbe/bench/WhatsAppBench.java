package io.jumbe.bench;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.server.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WhatsApp on embedded PostgreSQL, server in this JVM: accepted single sends per second through
 * {@code POST /messages/send} (a template) beside {@code POST /sms/send} on the same server, with dispatch off; then
 * the backlog drained to the Graph API simulator with no practical cap ({@code WHATSAPP_MAX_MPS=1000000}).
 * Prints numbers; asserts nothing. Run: {@code bench/run WhatsAppBench}.
 */
public final class WhatsAppBench {
    private static final int CONCURRENCY = Integer.getInteger("bench.threads", 16);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 5));

    private record Target(long clientId, String key) {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("jumbe-wa-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            JumbeConfig config = new ConfigLoader(Map.of("DATABASE_URL", url, "JUMBE_HOME", home.toString(),
                    "RATE_LIMITS", "false", "TENANT_MAX_IN_FLIGHT", "64", "WHATSAPP_MAX_MPS", "1000000",
                    "ONFON_MAX_TPS", "1000000")).load();
            Database database = Database.open(config.database(), 20);
            try (Application app = new Application(config, database, Clock.systemUTC()).start(0)) {
                Jumbe platform = app.platform();
                List<Target> targets = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    var created = platform.tenants().create(NewTenant.of("Bench " + i, "bench@example.com", "BENCH")
                            .withBalance(Money.parse("10000000.00")));
                    targets.add(new Target(created.tenant().id(), created.key().secret()));
                }
                String base = app.baseUrl();
                byte[] whatsapp = ("{\"channel\":\"whatsapp\",\"recipient\":\"0712345678\",\"template\":"
                        + "{\"name\":\"order_update\",\"language\":\"en\",\"parameters\":[\"Amina\",\"ORD-1182\"]}}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] sms = "{\"recipient\":\"0712345678\",\"message\":\"Your appointment is tomorrow at 9am\"}"
                        .getBytes(StandardCharsets.UTF_8);
                System.out.printf("WhatsAppBench: embedded PostgreSQL, server in this JVM, %d client threads, medians "
                        + "of %d interleaved %ds rounds%n", CONCURRENCY, ROUNDS, RUN.toSeconds());

                sends(base, targets, "/messages/send", whatsapp, Duration.ofSeconds(10));
                sends(base, targets, "/sms/send", sms, Duration.ofSeconds(5));
                app.smsDispatcher().close();
                platform.whatsappDispatcher().close();
                Thread.sleep(2000);

                double[] wa = new double[ROUNDS];
                double[] sm = new double[ROUNDS];
                StringBuilder rounds = new StringBuilder("  rounds (WhatsApp/SMS):");
                for (int i = 0; i < ROUNDS; i++) {
                    wa[i] = sends(base, targets, "/messages/send", whatsapp, RUN);
                    sm[i] = sends(base, targets, "/sms/send", sms, RUN);
                    rounds.append(String.format(" %.0f/%.0f", wa[i], sm[i]));
                }
                System.out.println(rounds);
                Arrays.sort(wa);
                Arrays.sort(sm);
                System.out.printf("accepted single sends/s, dispatch off: WhatsApp template via /messages/send %.0f, "
                        + "SMS via /sms/send %.0f%n", wa[ROUNDS / 2], sm[ROUNDS / 2]);

                long before = queued(platform);
                long start = System.nanoTime();
                platform.whatsappDispatcher().start();
                long deadline = start + Duration.ofSeconds(60).toNanos();
                while (queued(platform) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long dispatched = before - queued(platform);
                System.out.printf("WhatsApp dispatch to the simulator, no practical cap: %d of %d queued in %.1f s = "
                        + "%.0f messages/s%n", dispatched, before, seconds, dispatched / seconds);
                System.out.printf("ledger check mismatches: %d%n", platform.ledgerCheck().verify().size());
            }
        }
        System.exit(0);
    }

    private static long queued(Jumbe platform) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages WHERE channel = 'whatsapp' "
                + "AND status = 'queued'").mapTo(Long.class).one());
    }

    /** Closed loop over the tenants; returns accepted requests per second. */
    private static double sends(String base, List<Target> targets, String path, byte[] body, Duration run)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + run.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                try (Http1Client http = new Http1Client(URI.create(base))) {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        Target target = targets.get(i % targets.size());
                        int status = http.post("/api/" + target.clientId() + path, target.key(), body);
                        if (status != 202) {
                            throw new IllegalStateException(path + " answered " + status);
                        }
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
}
