package io.jumbe.server.sms;

import static io.jumbe.server.sms.SmsFlows.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.store.Database;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL of its own is stopped and started again while a tenant sends steadily: during the outage every call
 * is answered 503 {@code service_unavailable} with {@code Retry-After} (never a stack trace, never held past 10 s)
 * and {@code /health} says the database is down; afterwards the pool is back by itself, every message stored is sent
 * once, each is charged once, and the ledger check passes.
 */
class PostgresRestartTest {
    @TempDir
    Path dataDirectory;

    /** What the sending client saw for one call. */
    private record Call(int status, String body, String retryAfter, long millis) {
    }

    private EmbeddedPostgres postgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void sendsDuringARestartAreRefusedWith503AndEveryStoredMessageGoesOutOnceAfter() throws Exception {
        int port = freePort();
        EmbeddedPostgres pg = postgres(port);
        String url = pg.getJdbcUrl("postgres", "postgres");
        Database database = Database.open(new ConfigLoader(Map.of("DATABASE_URL", url)).load().database(), 10);
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        try (TestApp app = TestApp.start(database, SmsFlows.ENV)) {
            Sender s = app.sender("500.00");
            Thread load = new Thread(() -> {
                for (int i = 0; sending.get(); i++) {
                    long start = System.nanoTime();
                    Http.Response r;
                    try {
                        r = s.post("/sms/send", "{\"recipient\": \"254712" + (100000 + i * 10 + 7)
                                + "\", \"message\": \"Your code is " + i + "\"}");
                    } catch (RuntimeException e) {
                        calls.add(new Call(-1, e.toString(), null, (System.nanoTime() - start) / 1_000_000));
                        continue;
                    }
                    calls.add(new Call(r.status(), r.body(), r.header("Retry-After"),
                            (System.nanoTime() - start) / 1_000_000));
                    if (r.status() == 202) {
                        accepted.incrementAndGet();
                    }
                }
            }, "steady-sender");
            load.start();

            Eventually.until("some sends accepted", Duration.ofSeconds(30), () -> accepted.get() >= 10);
            pg.close();
            Eventually.until("sends refused while the database is down", Duration.ofSeconds(30),
                    () -> calls.stream().filter(c -> c.status() == 503).count() >= 3);
            Http.Response health = app.http().get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("database").asText()).isEqualTo("down");

            pg = postgres(port);
            int before = accepted.get();
            Eventually.until("sends accepted again", Duration.ofSeconds(60), () -> accepted.get() >= before + 10);
            sending.set(false);
            load.join();
            assertThat(app.http().get("/health").status()).isEqualTo(200);

            assertThat(calls).allSatisfy(c -> {
                assertThat(c.status()).as(c.body()).isIn(202, 503);
                assertThat(c.millis()).as("answered within 10 s").isLessThan(10_000);
                if (c.status() == 503) {
                    assertThat(c.body()).contains("\"code\":\"service_unavailable\"").doesNotContain("Exception");
                    assertThat(c.retryAfter()).isNotNull();
                }
            });

            Jumbe platform = app.platform();
            long stored = SmsFlows.count(platform, "SELECT COUNT(*) FROM messages");
            assertThat(stored).isGreaterThanOrEqualTo(accepted.get());
            Eventually.until("every stored message sent", Duration.ofSeconds(60), () -> SmsFlows.count(platform,
                    "SELECT COUNT(*) FROM messages WHERE status IN ('sent', 'delivered')") == stored);
            Map<String, Long> perNumber = new HashMap<>();
            simulator(app).submitted().forEach(m -> perNumber.merge(m.number(), 1L, Long::sum));
            assertThat(perNumber).hasSize((int) stored);
            assertThat(perNumber.values()).allMatch(n -> n == 1L);
            List<Long> debits = platform.jdbi().withHandle(h -> h.createQuery("SELECT amount_cents FROM "
                    + "wallet_transactions WHERE type = 'debit'").mapTo(Long.class).list());
            assertThat(debits).hasSize((int) stored);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        } finally {
            sending.set(false);
            pg.close();
        }
    }
}
