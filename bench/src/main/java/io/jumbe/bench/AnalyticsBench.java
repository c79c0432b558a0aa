package io.jumbe.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Analytics of a tenant with 2 million messages on PostgreSQL: {@code analytics().summary()} and a 90-day
 * {@code analytics().daily()} (what {@code GET /analytics/summary} and {@code /analytics/daily} call), beside the
 * scan of {@code messages} that {@code sms().statistics()} does over the same 90 days. Prints numbers; asserts
 * nothing.
 *
 * <p>The messages are written by SQL (spread over the last 90 Nairobi days) and their daily counters by the same
 * aggregation the V41 migration runs over existing messages, so the counters hold what the send path would have
 * counted. Uses {@code BENCH_DATABASE_URL} or embedded binaries; {@code -Dbench.messages=2000000}.
 */
public final class AnalyticsBench {
    private static final int MESSAGES = Integer.getInteger("bench.messages", 2_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);

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
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc);
             Jumbe platform = Jumbe.builder().database(Database.over(ds)).build()) {
            long tenant = platform.tenants().create(NewTenant.of("Bench clinic", "bench@clinic.example", "BENCH")
                    .withBalance(Money.parse("1.00"))).tenant().id();
            long started = System.nanoTime();
            fill(ds, tenant);
            System.out.printf(Locale.ROOT, "%,d messages and their daily counters written in %.1f s%n", MESSAGES,
                    (System.nanoTime() - started) / 1e9);

            LocalDate today = platform.usage().today();
            LocalDate from = today.minusDays(89);
            Instant scanFrom = from.atStartOfDay(platform.usage().zone()).toInstant();
            Instant scanTo = today.plusDays(1).atStartOfDay(platform.usage().zone()).toInstant();
            long sent = platform.analytics().daily(tenant, from, today, Optional.empty()).stream()
                    .mapToLong(d -> d.usage().messagesSent()).sum();
            System.out.printf(Locale.ROOT, "messages counted over the 90 days: %,d%n", sent);

            System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s%n", "call (" + RUNS + " runs after warm-up)",
                    "median ms", "p95 ms", "max ms");
            report("analytics().summary()", time(() -> platform.analytics().summary(tenant)));
            report("analytics().daily(), 90 days", time(() -> platform.analytics().daily(tenant, from, today,
                    Optional.empty())));
            report("sms().statistics() scan, 90 days", time(Math.max(3, RUNS / 20),
                    () -> platform.sms().statistics(tenant, scanFrom, scanTo)));
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void fill(HikariDataSource ds, long tenant) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages (id, tenant_id, recipient, sender_id, body, encoding, segments, cost_cents, "
                    + "price_cents, status, lane, queued_at, sent_at, delivered_at, failed_at, created_at) "
                    + "SELECT 'MSG-B' || g, " + tenant + ", '2547' || LPAD((g % 100000000)::text, 8, '0'), 'BENCH', "
                    + "'Hello', 'GSM-7', 1, 100, 100, CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'delivered' END, 'bulk', "
                    + "t, t, CASE WHEN g % 50 = 0 THEN NULL ELSE t END, CASE WHEN g % 50 = 0 THEN t END, t "
                    + "FROM (SELECT g, now() - (g % (90 * 24 * 60)) * INTERVAL '1 minute' AS t "
                    + "FROM generate_series(1, " + MESSAGES + ") g) x");
            s.execute("INSERT INTO usage_daily (tenant_id, usage_day, channel, category, messages, segments, "
                    + "charged_cents, delivered, failed, refunded_cents, upstream_units) "
                    + "SELECT tenant_id, d, 'sms', '', SUM(m), SUM(m), SUM(c), SUM(dl), SUM(f), 0, SUM(u) FROM ("
                    + "SELECT tenant_id, (created_at AT TIME ZONE 'Africa/Nairobi')::date AS d, 1 AS m, cost_cents AS c, "
                    + "CASE WHEN status = 'delivered' THEN 1 ELSE 0 END AS dl, "
                    + "CASE WHEN status = 'failed' THEN 1 ELSE 0 END AS f, segments AS u FROM messages "
                    + "WHERE tenant_id = " + tenant + ") x GROUP BY tenant_id, d");
            s.execute("ANALYZE messages");
            s.execute("ANALYZE usage_daily");
        }
    }

    private static double[] time(Runnable call) {
        return time(RUNS, call);
    }

    private static double[] time(int runs, Runnable call) {
        for (int i = 0; i < Math.min(runs, 20); i++) {
            call.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-34s %10.2f %10.2f %10.2f%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.95))], sorted[sorted.length - 1]);
    }
}
