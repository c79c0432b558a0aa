package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.server.Application;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight parallel 10,000-recipient sends against the server as the launcher runs it: a child JVM with
 * {@code -XX:+UseSerialGC -Xmx72m -Xmn28m -XX:SurvivorRatio=3 -XX:TargetSurvivorRatio=90 -Xss512k} over an
 * embedded H2 database. Before large bodies were admitted a few
 * at a time, most of them answered 500 {@code OutOfMemoryError}; now each is accepted or refused with 503 and
 * {@code Retry-After}, a refused one succeeds when retried, and every accepted one is kept whole. (H2 only: the
 * launcher's embedded default is what runs under that heap.)
 */
class LargeBulksUnderSmallHeapTest {
    private static final int SENDS = 8;
    private static final int RECIPIENTS = 10_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void eightParallelTenThousandRecipientSendsNeverAnswer500(@TempDir Path home) throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("JUMBE_HOME", home.toString());
        env.put("PORT", Integer.toString(port));
        env.put("RATE_LIMITS", "false");
        List<Sender> senders = new ArrayList<>();
        Http http = new Http("http://localhost:" + port);
        // the tenants are created beforehand over the same database file, so the child starts with them
        JumbeConfig config = new ConfigLoader(env).load();
        try (Application setup = new Application(config, Database.open(config.database(), 2), Clock.systemUTC())) {
            for (int i = 0; i < SENDS; i++) {
                var created = setup.platform().tenants().create(NewTenant.of("Bulk " + i, "ops@bulk.example",
                        "JUMBE").withBalance(Money.parse("20000.00")));
                senders.add(new Sender(created.tenant().id(), created.key().secret(), http));
            }
        }

        Process server = startChild(home, env);
        try {
            awaitHealthy(http, server);
            String body = bulkBody();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (Sender s : senders) {
                calls.add(client.sendAsync(send(port, s, body), HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            assertThat(answers).extracting(HttpResponse::statusCode).doesNotContain(500).contains(202);
            for (int i = 0; i < SENDS; i++) {
                HttpResponse<String> r = answers.get(i);
                if (r.statusCode() != 202) {
                    assertThat(r.statusCode()).as("refused, not failed: %s", r.body()).isIn(429, 503);
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    // retried one at a time, as a client honouring Retry-After does, a refused send goes through
                    HttpResponse<String> again = client.send(send(port, senders.get(i), body),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
                }
            }
            for (Sender s : senders) {
                assertThat(s.get("/client/balance").json().get("balance").decimalValue())
                        .as("one send of %s recipients charged once", RECIPIENTS).isEqualByComparingTo("10000.00");
                assertThat(s.get("/sms/history?per_page=1").json().get("meta").get("total").asLong())
                        .isEqualTo(RECIPIENTS);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    // generous: on a busy machine a 10,000-recipient send under a 72 MiB heap takes a while
    private static HttpRequest send(int port, Sender s, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.path("/sms/send")))
                .timeout(Duration.ofMinutes(3)).header("X-API-Key", s.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Process startChild(Path home, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx72m", "-Xmn28m",
                "-XX:SurvivorRatio=3", "-XX:TargetSurvivorRatio=90", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), "io.jumbe.server.Main", "serve");
        pb.environment().putAll(env);
        pb.directory(home.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve("server.log").toFile());
        return pb.start();
    }

    private static void awaitHealthy(Http http, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server process is running").isTrue();
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become healthy");
    }

    private static String bulkBody() {
        StringBuilder b = new StringBuilder("{\"message\": \"Clinic reminder: your appointment is tomorrow at 9.\", "
                + "\"recipients\": [");
        for (int i = 0; i < RECIPIENTS; i++) {
            if (i > 0) {
                b.append(',');
            }
            // ending in 9: no simulator test number (…0001, …0002, …0005), so nothing is refused or refunded
            b.append("\"2547").append(String.format("%08d", 20_000_000 + i * 10 + 9)).append('"');
        }
        return b.append("]}").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
