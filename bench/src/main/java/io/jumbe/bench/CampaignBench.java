package io.jumbe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.server.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Contacts and campaigns on embedded PostgreSQL, server in this JVM (the composition {@code ./jumbe serve} runs),
 * with the built-in Onfon simulator and no practical upstream cap. Prints, asserting nothing:
 *
 * <ul>
 *   <li>CSV import: rows per second for a generated {@code bench.rows}-row file (name, phone, three attributes, a
 *       few bad rows), from the start of the upload to the import's {@code completed};</li>
 *   <li>launch: the time from sending {@code POST …/campaigns/{id}/launch} to the last of its messages queued on the
 *       bulk lane (the latest {@code queued_at} among the campaign's messages, read once none is left to feed), for
 *       a campaign to every imported contact;</li>
 *   <li>single-send latency: {@code POST /sms/send} from other tenants at a fixed rate (open loop), p50/p99/max,
 *       in rounds while a campaign dispatches, interleaved with rounds while it is paused (no campaign dispatching),
 *       every round printed, then the medians.</li>
 * </ul>
 *
 * Run: {@code bench/run CampaignBench} ({@code -Dbench.rows=20000} for a quicker look).
 */
public final class CampaignBench {
    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "50"));
    private static final int SENDERS = 10;
    private static final String MESSAGE = "Dear {{name}}, fees of KES {{fees}} for {{student}} (Form {{form}}) are due "
            + "on 5 Dec. Pay by M-Pesa to 247247.";

    private record Target(long clientId, String key) {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("jumbe-campaign-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            JumbeConfig config = new ConfigLoader(Map.of("DATABASE_URL", url, "JUMBE_HOME", home.toString(),
                    "RATE_LIMITS", "false", "TENANT_MAX_IN_FLIGHT", "64", "ONFON_MAX_TPS", "1000000")).load();
            Database database = Database.open(config.database(), 20); // as ServeCommand
            try (Application app = new Application(config, database, Clock.systemUTC()).start(0)) {
                Jumbe platform = app.platform();
                var school = platform.tenants().create(NewTenant.of("Bench School", "bursar@school.example", "SCHOOL")
                        .withBalance(Money.parse("10000000.00")));
                Target owner = new Target(school.tenant().id(), school.key().secret());
                List<Target> others = new ArrayList<>();
                for (int i = 0; i < SENDERS; i++) {
                    var created = platform.tenants().create(NewTenant.of("Clinic " + i, "ops@clinic.example", "CLINIC")
                            .withBalance(Money.parse("10000000.00")));
                    others.add(new Target(created.tenant().id(), created.key().secret()));
                }
                Api api = new Api(app.baseUrl());
                System.out.printf("CampaignBench: embedded PostgreSQL (synchronous_commit=off), server in this JVM, "
                        + "built-in Onfon simulator, ONFON_MAX_TPS=1000000; %,d rows; single sends at %.0f/s from %d "
                        + "other tenants; %d interleaved %ds rounds%n", ROWS, RATE, SENDERS, ROUNDS, RUN.toSeconds());

                // warm the send path and the JIT a little, so the first measured round is not the JVM's warm-up
                paced(app.baseUrl(), others, RATE, Duration.ofSeconds(5));

                // 1. CSV import
                Path csv = home.resolve("contacts.csv");
                int bad = writeCsv(csv, ROWS);
                long start = System.nanoTime();
                JsonNode accepted = api.upload(owner, "/contacts/import?group=all-parents", csv);
                double uploaded = (System.nanoTime() - start) / 1e9;
                String importId = accepted.get("import_id").asText();
                JsonNode imported = api.await(() -> api.get(owner, "/contacts/import/" + importId),
                        j -> !j.get("status").asText().equals("processing"), Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("CSV import of %,d rows (%.1f MiB, %d bad): %.1f s = %,.0f rows/s (upload answered "
                        + "after %.1f s); status %s, created %d, updated %d, skipped %d%n", ROWS,
                        Files.size(csv) / 1048576.0, bad, seconds, ROWS / seconds, uploaded,
                        imported.get("status").asText(), imported.get("created").asLong(),
                        imported.get("updated").asLong(), imported.get("skipped").asLong());

                // 2. launch to last queued, nothing else running
                String first = api.createCampaign(owner, "Term 3 fees");
                Instant sentAt = Instant.now();
                long launchStart = System.nanoTime();
                JsonNode launched = api.post(owner, "/campaigns/" + first + "/launch", "{}");
                double launchCall = (System.nanoTime() - launchStart) / 1e9;
                long recipients = launched.get("recipients").asLong() - launched.get("skipped").asLong();
                api.await(() -> pending(platform, first), n -> n == 0, Duration.ofHours(1));
                Instant lastQueued = instant(platform, "SELECT MAX(queued_at) FROM messages WHERE batch_id = :c",
                        first);
                double toLastQueued = Duration.between(sentAt, lastQueued).toMillis() / 1000.0;
                System.out.printf("launch of a %,d-recipient campaign: the launch call answered in %.1f s (render, "
                        + "freeze, one debit); last message queued %.1f s after the call was sent (%,.0f recipients/s "
                        + "fed); the feed keeps at most 2,000 waiting, so this is bound by dispatch%n", recipients,
                        launchCall, toLastQueued, recipients / toLastQueued);
                api.await(() -> api.get(owner, "/campaigns/" + first), j -> j.get("status").asText()
                        .equals("completed"), Duration.ofHours(1));
                Instant lastSent = instant(platform, "SELECT MAX(sent_at) FROM messages WHERE batch_id = :c", first);
                System.out.printf("  its last message sent %.1f s after launch; completed (every delivery report in)%n",
                        Duration.between(sentAt, lastSent).toMillis() / 1000.0);

                // 3. single-send latency with a campaign dispatching, rounds interleaved with it paused
                String running = api.createCampaign(owner, "Term 3 fees, reminder");
                api.post(owner, "/campaigns/" + running + "/launch", "{}");
                double[][] busy = new double[ROUNDS][];
                double[][] quiet = new double[ROUNDS][];
                int done = 0;
                for (int i = 0; i < ROUNDS; i++) {
                    long left = left(platform, running);
                    if (left < 2_000) {
                        System.out.printf("  (the campaign has %d messages left to send: stopping after %d rounds; "
                                + "more rows make more rounds)%n", left, i);
                        break;
                    }
                    long sentBefore = sent(platform, running);
                    long[] withCampaign = paced(app.baseUrl(), others, RATE, RUN);
                    long dispatched = sent(platform, running) - sentBefore;
                    api.post(owner, "/campaigns/" + running + "/pause", "{}");
                    api.await(() -> inFlight(platform), n -> n == 0, Duration.ofSeconds(30));
                    long[] without = paced(app.baseUrl(), others, RATE, RUN);
                    api.post(owner, "/campaigns/" + running + "/resume", "{}");
                    busy[i] = stats(withCampaign);
                    quiet[i] = stats(without);
                    done++;
                    System.out.printf("  round %d: campaign dispatching (%,d sent in the round, %,.0f/s) p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms | campaign paused p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            i + 1, dispatched, dispatched / (double) RUN.toSeconds(), busy[i][0], busy[i][1],
                            busy[i][2], quiet[i][0], quiet[i][1], quiet[i][2]);
                }
                if (done > 0) {
                    System.out.printf("single-send latency at %.0f/s, medians of %d rounds: p99 %.1f ms while a "
                            + "campaign dispatches, p99 %.1f ms with none (p50 %.1f / %.1f ms)%n", RATE, done,
                            median(busy, done, 1), median(quiet, done, 1), median(busy, done, 0),
                            median(quiet, done, 0));
                }
                api.post(owner, "/campaigns/" + running + "/cancel", "{}");
                System.out.printf("ledger check mismatches: %d%n", platform.ledgerCheck().verify().size());
            }
        }
        System.exit(0);
    }

    /** A school's export: phone written as people write it, a few bad rows, attributes of different lengths. */
    private static int writeCsv(Path file, int rows) throws IOException {
        int bad = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFFPhone,Name,Student,Form,Fees\r\n");
            for (int i = 0; i < rows; i++) {
                String phone;
                if (i % 10_000 == 5_000) {
                    phone = "12345";
                    bad++;
                } else if (i % 10_000 == 7_000) {
                    phone = "";
                    bad++;
                } else {
                    long n = 710_000_007L + i * 10L;
                    phone = switch (i % 3) {
                        case 0 -> "0" + n;
                        case 1 -> "+254 " + n;
                        default -> "254" + n;
                    };
                }
                String student = "Student " + i + (i % 5 == 0 ? " Wanjiru-Kamau Achieng" : "");
                w.write(phone + ",\"Otieno, Parent " + i + "\"," + student + "," + (1 + i % 4) + ","
                        + (5_000 + i % 20_000) + ".00\r\n");
            }
        }
        return bad;
    }

    private static long count(Jumbe platform, String sql, String campaign) {
        return platform.jdbi().withHandle(h -> h.createQuery(sql).bind("c", campaign).mapTo(Long.class).one());
    }

    private static long pending(Jumbe platform, String campaign) {
        return count(platform, "SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = :c AND status = 'pending'",
                campaign);
    }

    private static long sent(Jumbe platform, String campaign) {
        return count(platform, "SELECT COUNT(*) FROM messages WHERE batch_id = :c AND sent_at IS NOT NULL", campaign);
    }

    /** Messages still to send: frozen and not fed, or waiting on the bulk lane. */
    private static long left(Jumbe platform, String campaign) {
        return pending(platform, campaign) + count(platform, "SELECT COUNT(*) FROM messages WHERE batch_id = :c AND "
                + "status = 'queued'", campaign);
    }

    /** Bulk-lane claims being sent now: a paused campaign's last requests to the upstream. */
    private static long inFlight(Jumbe platform) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE queue = 'sms-bulk' "
                + "AND status = 'running'").mapTo(Long.class).one());
    }

    private static Instant instant(Jumbe platform, String sql, String campaign) {
        return platform.jdbi().withHandle(h -> h.createQuery(sql).bind("c", campaign).mapTo(OffsetDateTime.class)
                .one()).toInstant();
    }

    /** Open loop at {@code rate} requests per second spread over the tenants; returns each call's nanoseconds. */
    private static long[] paced(String base, List<Target> targets, double rate, Duration run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        ThreadLocal<Http1Client> clients = ThreadLocal.withInitial(() -> new Http1Client(URI.create(base)));
        byte[] body = "{\"recipient\":\"0712345678\",\"message\":\"Your appointment is tomorrow at 9am\"}"
                .getBytes(StandardCharsets.UTF_8);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long n = run.toNanos() / interval;
        List<Future<Long>> futures = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Target t = targets.get((int) (i % targets.size()));
            futures.add(pool.submit(() -> {
                long s = System.nanoTime();
                int status = clients.get().post("/api/" + t.clientId() + "/sms/send", t.key(), body);
                if (status != 202) {
                    throw new IllegalStateException("send answered " + status);
                }
                return System.nanoTime() - s;
            }));
        }
        long[] out = new long[futures.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = futures.get(i).get();
        }
        pool.shutdownNow();
        Arrays.sort(out);
        return out;
    }

    /** p50, p99 and max in milliseconds of sorted nanoseconds. */
    private static double[] stats(long[] sorted) {
        return new double[] {pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6};
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double median(double[][] rounds, int n, int column) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = rounds[i][column];
        }
        Arrays.sort(values);
        return values[n / 2];
    }

    /** The tenant's calls that are not the measured sends: plain java.net.http, JSON answers. */
    private static final class Api {
        private final String base;
        private final HttpClient http = HttpClient.newHttpClient();

        Api(String base) {
            this.base = base;
        }

        JsonNode get(Target t, String path) throws Exception {
            return send(t, HttpRequest.newBuilder(URI.create(base + "/api/" + t.clientId() + path)).GET());
        }

        JsonNode post(Target t, String path, String json) throws Exception {
            return send(t, HttpRequest.newBuilder(URI.create(base + "/api/" + t.clientId() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        JsonNode upload(Target t, String path, Path csv) throws Exception {
            return send(t, HttpRequest.newBuilder(URI.create(base + "/api/" + t.clientId() + path))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)));
        }

        String createCampaign(Target t, String name) throws Exception {
            return post(t, "/campaigns", "{\"name\":\"" + name + "\",\"channel\":\"sms\",\"message\":\"" + MESSAGE
                    + "\",\"audience\":{\"groups\":[\"all-parents\"]}}").get("campaign_id").asText();
        }

        private JsonNode send(Target t, HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = http.send(request.header("X-API-Key", t.key()).timeout(Duration.ofMinutes(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return Json.mapper().readTree(r.body());
        }

        interface Call<T> {
            T get() throws Exception;
        }

        interface Check<T> {
            boolean done(T value);
        }

        /** Polls {@code call} every 250 ms until {@code done}, for at most {@code max}. */
        <T> T await(Call<T> call, Check<T> done, Duration max) throws Exception {
            long deadline = System.nanoTime() + max.toNanos();
            while (true) {
                T value = call.get();
                if (done.done(value)) {
                    return value;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gave up waiting after " + max + "; last " + value);
                }
                Thread.sleep(250);
            }
        }
    }
}
