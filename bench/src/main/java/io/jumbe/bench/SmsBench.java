package io.jumbe.bench;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * concurrency. The server runs in its own JVM ({@link BenchServer}, with the launcher's JVM options) so its resident
 * memory is its own; this JVM holds the load generator and the baseline. Prints numbers; asserts nothing.
 * Run: {@code bench/run SmsBench}.
 */
public final class SmsBench {
    private static final int CONCURRENCY = Integer.getInteger("bench.threads", 32);
    private static final int BULK_CONCURRENCY = 4;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    /** {@code -Dbench.only=dispatch}: the warm-up, then only the dispatch and while-dispatching lines (to iterate). */
    private static final boolean DISPATCH_ONLY = "dispatch".equals(System.getProperty("bench.only"));
    /** {@code -Dbench.pgStatements=true}: print the statements that took PostgreSQL's time during the drain. */
    private static final boolean PG_STATEMENTS = Boolean.getBoolean("bench.pgStatements");
    /** The JVM options {@code ./jumbe serve} starts the server with unless JAVA_OPTS says otherwise (keep in step). */
    private static final String SERVER_JVM = System.getProperty("bench.serverJvm",
            "-XX:+UseSerialGC -Xmx72m -Xmn28m -XX:SurvivorRatio=3 -XX:TargetSurvivorRatio=90 -Xss512k "
                    + "-XX:TrimNativeHeapInterval=1000");

    private record Target(String baseUrl, long clientId, String key) {
        String sendPath() {
            return "/api/" + clientId + "/sms/send";
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("jumbe-bench");
        // No fsync wait on commit, for the server and the raw baseline alike: the numbers then show our code and
        // locking rather than the disk of the machine that runs the benchmark.
        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200");
        if (PG_STATEMENTS) {
            pgBuilder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres pg = pgBuilder.start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            List<Target> tenants = new ArrayList<>();
            JumbeConfig config = new ConfigLoader(Map.of("DATABASE_URL", url, "JUMBE_HOME", home.toString())).load();
            try (Database db = Database.open(config.database(), 4); Jumbe platform = platform(db, config)) {
                for (int i = 0; i < 100; i++) {
                    var created = platform.tenants().create(NewTenant.of("Bench " + i, "bench@example.com", "BENCH")
                            .withBalance(Money.parse("10000000.00")));
                    tenants.add(new Target(null, created.tenant().id(), created.key().secret()));
                }
            }
            try (ServerProcess server = ServerProcess.start(url, home)) {
                List<Target> targets = tenants.stream().map(t -> new Target(server.baseUrl(), t.clientId(), t.key()))
                        .toList();
                // The baseline gets the same driver settings as the server's pool (multi-row batch inserts).
                org.postgresql.ds.PGSimpleDataSource raw = new org.postgresql.ds.PGSimpleDataSource();
                raw.setURL(url);
                raw.setUser("postgres");
                raw.setReWriteBatchedInserts(true);
                System.out.printf("SmsBench: embedded PostgreSQL; server in its own JVM (%s); %d client threads; "
                        + "figures are medians of %d interleaved %ds rounds%n", SERVER_JVM, CONCURRENCY, ROUNDS,
                        RUN.toSeconds());

                // Warm up every path (sends, bulks, dispatch, delivery reports), then take dispatch away while
                // acceptance is measured: the raw baseline does not dispatch either. Dispatch has its own line below.
                // Long enough for the JIT to finish compiling the hot paths on a busy 2-core machine; shorter warm-ups
                // left the first measured round 30-40% low.
                sends(targets, CONCURRENCY, Duration.ofSeconds(20), single());
                sends(targets.subList(0, BULK_CONCURRENCY), BULK_CONCURRENCY, Duration.ofSeconds(6), bulk(1000));
                rawSends(raw, List.of(targets.get(0).clientId()), CONCURRENCY, Duration.ofSeconds(3), 1);
                Thread.sleep(3000);
                server.command("dispatch off");

                double peak;
                String bulkBody = bulk(1000);
                List<Target> bulkTargets = targets.subList(0, BULK_CONCURRENCY);
                if (DISPATCH_ONLY) {
                    // as long as the full run's measured rounds, so the JIT is as far along at the dispatch line
                    sends(targets, CONCURRENCY, Duration.ofSeconds(40), single());
                    sends(bulkTargets, BULK_CONCURRENCY, Duration.ofSeconds(20), bulkBody);
                    peak = sends(targets, CONCURRENCY, RUN, single());
                    System.out.printf("single sends/s, 100 tenants (one run; the pace below is half): %.0f%n", peak);
                } else {
                    double[] one = compare(() -> sends(targets.subList(0, 1), CONCURRENCY, RUN, single()),
                            () -> rawSends(raw, List.of(targets.get(0).clientId()), CONCURRENCY, RUN, 1));
                    print("single sends/s, 1 tenant", one[0], one[1]);
                    double[] hundred = compare(() -> sends(targets, CONCURRENCY, RUN, single()),
                            () -> rawSends(raw, targets.stream().map(Target::clientId).toList(), CONCURRENCY, RUN, 1));
                    print("single sends/s, 100 tenants", hundred[0], hundred[1]);
                    double[] bulks = compare(() -> sends(bulkTargets, BULK_CONCURRENCY, RUN, bulkBody) * 1000,
                            () -> rawSends(raw, bulkTargets.stream().map(Target::clientId).toList(), BULK_CONCURRENCY,
                                    RUN, 1000) * 1000);
                    print("bulk recipients/s (1,000 per request, " + BULK_CONCURRENCY + " threads)", bulks[0],
                            bulks[1]);
                    peak = Math.max(one[0], hundred[0]);
                }
                double rate = Math.max(1, peak / 2);
                GcTotals gc = server.gc();
                long[] latencies = paced(targets, rate, RUN);
                System.out.printf("send latency at %.0f req/s (half the peak), dispatch off: p50 %.1f ms, p99 %.1f ms "
                        + "(%d calls), %s%n", rate, pct(latencies, 0.50) / 1e6, pct(latencies, 0.99) / 1e6,
                        latencies.length, server.gc().since(gc));

                // A backlog (what the runs above queued) drained with no upstream cap, while nothing else runs.
                long before = queued(raw);
                gc = server.gc();
                if (PG_STATEMENTS) {
                    statementStats(raw, true);
                }
                Timestamp since = Timestamp.from(Instant.now().minusMillis(1));
                long start = System.nanoTime();
                server.command("dispatch on");
                awaitAtLeast(raw, since, 0, 20_000, Duration.ofSeconds(30));
                double seconds = (System.nanoTime() - start) / 1e9;
                long dispatched = sentAndReported(raw, since)[0];
                System.out.printf("dispatch to the simulator, no upstream cap: %d of %d queued messages in %.1f s = "
                        + "%.0f messages/s, %s%n", dispatched, before, seconds, dispatched / seconds,
                        server.gc().since(gc));
                // The figure counts a message once its delivery report is applied too: wait for as many
                // reports as messages left the queue (the simulator reports each after its delay).
                awaitAtLeast(raw, since, 1, dispatched, Duration.ofSeconds(90));
                double throughReports = (System.nanoTime() - start) / 1e9;
                long reported = sentAndReported(raw, since)[1];
                // Every report leaves the simulator its delay after the submit, whatever the rate: the last
                // messages add that delay to the time above once, however many were sent. Both figures are shown.
                double delay = io.jumbe.core.sms.SmsTuning.defaults().simulatorDlrDelay().toMillis() / 1e3;
                System.out.printf("  and their delivery reports applied: %d in %.1f s from the start = %.0f messages/s "
                        + "sent and reported; %.0f/s leaving out the simulator's %.0f s report delay; %s%n",
                        reported, throughReports, reported / throughReports, reported / (throughReports - delay), delay,
                        server.gc().since(gc));
                if (PG_STATEMENTS) {
                    statementStats(raw, false);
                }

                // The same sends while dispatch and delivery reports run in the same server, for comparison.
                gc = server.gc();
                latencies = paced(targets, rate / 2, RUN);
                System.out.printf("send latency at %.0f req/s while dispatching the backlog: p50 %.1f ms, p99 %.1f ms, "
                        + "%s%n", rate / 2, pct(latencies, 0.50) / 1e6, pct(latencies, 0.99) / 1e6,
                        server.gc().since(gc));
                double busy = sends(targets, CONCURRENCY, RUN, single());
                System.out.printf("single sends/s, 100 tenants, while dispatching: %.0f%n", busy);
                System.out.printf("server resident memory at peak (VmHWM of the server JVM, simulators included): "
                        + "%d MiB%n", server.peakRssKb() / 1024);
                if (Boolean.getBoolean("bench.nmt")) {
                    server.printNativeMemory();
                }

                // What a user gets by default: every commit waits for its WAL flush. Same runs, both sides.
                server.command("dispatch off");
                if (DISPATCH_ONLY) {
                    return;
                }
                setSynchronousCommit(raw, "on");
                double[] durable = compare(() -> sends(targets, CONCURRENCY, RUN, single()),
                        () -> rawSends(raw, targets.stream().map(Target::clientId).toList(), CONCURRENCY, RUN, 1));
                print("single sends/s, 100 tenants, synchronous_commit=on", durable[0], durable[1]);
                double[] durableBulks = compare(() -> sends(bulkTargets, BULK_CONCURRENCY, RUN, bulkBody) * 1000,
                        () -> rawSends(raw, bulkTargets.stream().map(Target::clientId).toList(), BULK_CONCURRENCY, RUN,
                                1000) * 1000);
                print("bulk recipients/s, synchronous_commit=on", durableBulks[0], durableBulks[1]);
            }
            try (Database db = Database.open(config.database(), 2); Jumbe platform = platform(db, config)) {
                System.out.printf("ledger check mismatches: %d%n", platform.ledgerCheck().verify().size());
            }
        }
    }

    /** Changes the server-wide default; sessions that did not set it themselves follow on the reload. */
    private static void setSynchronousCommit(DataSource ds, String value) throws SQLException {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET synchronous_commit = " + value);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    // The platform key of JUMBE_HOME, the one the server process uses: it seals the callback tokens both read.
    private static Jumbe platform(Database db, JumbeConfig config) {
        return Jumbe.builder().database(db).secrets(SecretBox.load(config)).build();
    }

    private interface Measure {
        double run() throws Exception;
    }

    /** Alternates the HTTP and raw runs {@link #ROUNDS} times; returns both medians (and prints every round). */
    private static double[] compare(Measure http, Measure raw) throws Exception {
        double[] h = new double[ROUNDS];
        double[] r = new double[ROUNDS];
        StringBuilder rounds = new StringBuilder("  rounds (HTTP/raw):");
        for (int i = 0; i < ROUNDS; i++) {
            h[i] = http.run();
            r[i] = raw.run();
            rounds.append(String.format(" %.0f/%.0f", h[i], r[i]));
        }
        System.out.println(rounds);
        Arrays.sort(h);
        Arrays.sort(r);
        return new double[] {h[ROUNDS / 2], r[ROUNDS / 2]};
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

    /** Closed loop: each thread sends as fast as answers come; returns accepted requests per second. */
    private static double sends(List<Target> targets, int threads, Duration run, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return closedLoop(threads, run, (offset, end, done) -> {
            try (Http1Client http = new Http1Client(URI.create(targets.get(0).baseUrl()))) {
                for (int i = offset; System.nanoTime() < end; i++) {
                    Target target = targets.get(i % targets.size());
                    int status = http.post(target.sendPath(), target.key(), bytes);
                    if (status != 202) {
                        throw new IllegalStateException("send answered " + status);
                    }
                    done.incrementAndGet();
                }
            }
        });
    }

    /**
     * The floor under a send: one conditional debit, its journal entry and {@code recipients} message rows in one
     * transaction over plain JDBC, at the same concurrency.
     */
    private static double rawSends(DataSource ds, List<Long> tenants, int threads, Duration run, int recipients)
            throws Exception {
        return closedLoop(threads, run, (offset, end, done) -> {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                for (int i = offset; System.nanoTime() < end; i++) {
                    rawSend(c, tenants.get(i % tenants.size()), recipients);
                    done.incrementAndGet();
                }
            }
        });
    }

    private interface Worker {
        /** Works until {@code end} (a nanoTime), counting each completed operation in {@code done}. */
        void run(int offset, long end, AtomicLong done) throws Exception;
    }

    /** Runs {@code threads} workers for {@code run}; returns completed operations per second. */
    private static double closedLoop(int threads, Duration run, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + run.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                worker.run(offset, end, done);
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
                     + "amount_cents, status, created_at, balance_before_cents, balance_after_cents) SELECT ?, id, "
                     + "'debit', ?, 'completed', ?, balance_cents + ?, balance_cents FROM tenants WHERE id = ?");
             PreparedStatement message = c.prepareStatement("INSERT INTO messages (id, tenant_id, recipient, sender_id, "
                     + "body, encoding, segments, cost_cents, price_cents, status, lane, queued_at, created_at) VALUES "
                     + "(?, ?, '254712345678', 'BENCH', 'raw', 'GSM-7', 1, 100, 100, 'cancelled', 'single', ?, ?)")) {
            debit.setLong(1, cost);
            debit.setLong(2, tenant);
            debit.setLong(3, cost);
            debit.executeUpdate();
            journal.setString(1, "RAW-" + UUID.randomUUID());
            journal.setLong(2, cost);
            journal.setObject(3, java.sql.Timestamp.from(now));
            journal.setLong(4, cost);
            journal.setLong(5, tenant);
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
    private static long[] paced(List<Target> targets, double rate, Duration run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY * 2);
        ThreadLocal<Http1Client> clients = ThreadLocal.withInitial(() -> new Http1Client(URI.create(targets.get(0).baseUrl())));
        byte[] body = single().getBytes(StandardCharsets.UTF_8);
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
                clients.get().post(t.sendPath(), t.key(), body);
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

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long queued(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); var rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM messages WHERE status = 'queued' AND body <> 'raw'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Messages sent since {@code since}, and of those the ones whose delivery report has been applied (delivered or
     * failed). The progress polls read only the rows of the drain, through the {@code (status, sent_at)} index:
     * counting the whole queue (a million rows after the runs above) ten times a second took most of a core from the
     * server under test.
     */
    private static long[] sentAndReported(DataSource ds, Timestamp since) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + "COUNT(*), COALESCE(SUM(CASE WHEN status IN ('delivered', 'failed') THEN 1 ELSE 0 END), 0) "
                + "FROM messages WHERE status IN ('sent', 'delivered', 'failed', 'expired') AND sent_at >= ?")) {
            ps.setTimestamp(1, since);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Resets pg_stat_statements ({@code reset}), or prints the statements that took the most time since. */
    private static void statementStats(DataSource ds, boolean reset) throws SQLException {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            if (reset) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                st.execute("SELECT pg_stat_statements_reset()");
                return;
            }
            System.out.println("  PostgreSQL during the drain, by total execution time (ms total, calls, rows, query):");
            try (var rs = st.executeQuery("SELECT total_exec_time, calls, rows, query FROM pg_stat_statements "
                    + "ORDER BY total_exec_time DESC LIMIT 25")) {
                while (rs.next()) {
                    String q = rs.getString(4).replaceAll("\\s+", " ");
                    System.out.printf("    %8.0f %8d %8d  %s%n", rs.getDouble(1), rs.getLong(2), rs.getLong(3),
                            q.length() > 150 ? q.substring(0, 150) + "…" : q);
                }
            }
        }
    }

    /**
     * Waits until {@code target} messages were sent since {@code since} ({@code which} 0), or reported (1). Polls
     * often only near the end (half the time the rate so far says is left, 20 ms to 1 s): each count reads every row
     * of the drain, and a poll every 100 ms was 2.5 s of PostgreSQL's time in a 15 s drain.
     */
    private static void awaitAtLeast(DataSource ds, Timestamp since, int which, long target, Duration max)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() < deadline) {
            long done = sentAndReported(ds, since)[which];
            if (done >= target) {
                return;
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            double left = done == 0 ? 1000 : (target - done) * elapsed / done;
            Thread.sleep((long) Math.max(20, Math.min(1000, left / 2)));
        }
    }

    /**
     * The server's collector time (stop-the-world with the serial collector) and old-generation collections so far:
     * a full collection stops every request for as long as it marks and compacts the live heap, so the latency lines
     * say how many fell in their window.
     */
    private record GcTotals(long pauseMillis, long fullCollections) {
        String since(GcTotals before) {
            return "GC pauses " + (pauseMillis - before.pauseMillis) + " ms (" + (fullCollections
                    - before.fullCollections) + " full)";
        }
    }

    /** The server JVM: started with {@link #SERVER_JVM}, driven over stdin, its log in a file. */
    private static final class ServerProcess implements AutoCloseable {
        private final Process process;
        private final BufferedReader replies;
        private final java.io.Writer commands;
        private final String baseUrl;

        private ServerProcess(Process process) throws IOException {
            this.process = process;
            this.replies = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.baseUrl = awaitLine("READY ").substring(6).trim();
        }

        static ServerProcess start(String databaseUrl, Path home) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(SERVER_JVM.trim().split("\\s+")));
            if (Boolean.getBoolean("bench.nmt")) {
                command.add("-XX:NativeMemoryTracking=summary");
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName()));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(Map.of("DATABASE_URL", databaseUrl, "JUMBE_HOME", home.toString(),
                    // measure the send path, not the tier limits (bronze allows 60 a minute), nor an upstream cap
                    "RATE_LIMITS", "false", "ONFON_MAX_TPS", "1000000",
                    // nor the per-account cap on requests in progress (8): one tenant's 32 client threads measure
                    // the send path
                    "TENANT_MAX_IN_FLIGHT", "256",
                    // as ./jumbe sets it: fewer glibc malloc arenas, less resident memory for the same work
                    "MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2")));
            pb.redirectOutput(home.resolve("server.log").toFile());
            return new ServerProcess(pb.start());
        }

        String baseUrl() {
            return baseUrl;
        }

        String command(String command) throws IOException {
            commands.write(command + "\n");
            commands.flush();
            return awaitLine("OK " + command);
        }

        /** The server's collections so far. */
        GcTotals gc() throws IOException {
            String[] totals = command("gc").substring("OK gc ".length()).trim().split(" ");
            return new GcTotals(Long.parseLong(totals[0]), Long.parseLong(totals[1]));
        }

        /** Where the server's memory goes, by the JVM's own accounting (-Dbench.nmt=true). */
        void printNativeMemory() throws Exception {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
            System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            jcmd.waitFor();
            System.out.println(Files.readString(Path.of("/proc/" + process.pid() + "/smaps_rollup")));
        }

        /** The kernel's high-water mark of the server's resident set. */
        long peakRssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        private String awaitLine(String prefix) throws IOException {
            for (String line = replies.readLine(); line != null; line = replies.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                System.err.println("server: " + line);
            }
            throw new IOException("the server exited before saying '" + prefix + "'");
        }

        @Override
        public void close() throws Exception {
            try {
                commands.write("quit\n");
                commands.flush();
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
