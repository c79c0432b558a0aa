package io.jumbe.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.secrets.SecretBox;
import io.jumbe.core.sms.SmsService;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.sms.DeliveryReportHandlers;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.ServerProcess;
import io.jumbe.server.testing.TestApp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign dispatching from a real {@code jumbe serve} (a JVM of its own) is stopped by {@code kill -9} while some
 * of its messages are sent, some wait on the bulk lane and some are not yet fed to it; a new process on the same
 * database (file H2 or PostgreSQL) finishes it: every recipient reaches the upstream exactly once with their own
 * text, the campaign completes, and the tenant paid once.
 *
 * <p>Onfon's v1 API takes no key of ours to recognise a repeated submit, so a process killed after the upstream
 * accepted a request and before the acceptance was committed sends those messages again after the restart (the
 * at-least-once window every SMS dispatch has, campaign or not). The test kills outside that window on purpose: the
 * upstream holds every request after the first {@value #SENT_BEFORE_KILL} messages (as a stalled connection), and
 * the kill comes once every message it accepted is recorded as sent; held requests never reach it.
 */
class CampaignKillTest {
    private static final int RECIPIENTS = 3000;
    private static final int SENT_BEFORE_KILL = 300;
    private static final String DLR_TOKEN = "dlr-token-for-campaign-kill";
    private static final String START = "10000.00";
    private static final Duration LONG = Duration.ofMinutes(4);

    @TempDir
    Path home;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    private record Store(Map<String, String> env, String jdbcUrl, String user) {
        HikariDataSource pool() {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(jdbcUrl);
            ds.setUsername(user);
            ds.setMaximumPoolSize(4);
            return ds;
        }
    }

    // A file H2 is held by one process at a time: the in-process platform below runs only while no server does.
    private Store store(String database) {
        if ("H2".equals(database)) {
            JumbeConfig.Database db = new ConfigLoader(Map.of("JUMBE_HOME", home.resolve("server").toString()))
                    .load().database();
            return new Store(Map.of(), db.jdbcUrl(), db.user());
        }
        HikariDataSource fresh = (HikariDataSource) TestDatabases.postgres().freshDataSource();
        String url = fresh.getJdbcUrl();
        String user = fresh.getUsername();
        fresh.close();
        String withUser = url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=" + user;
        return new Store(Map.of("DATABASE_URL", withUser), withUser, user);
    }

    private static Jumbe platform(Store store) {
        return Jumbe.builder().database(Database.adopt(store.pool()))
                .secrets(SecretBox.fromBase64(TestApp.TEST_SECRET_KEY)).build();
    }

    /**
     * The Onfon simulator behind a gate: after {@code openFor} accepted messages every further request is held (a
     * stalled connection) and, once released, answered 503 without reaching the simulator.
     */
    private static final class GatedOnfon implements AutoCloseable {
        final OnfonSimulator simulator = new OnfonSimulator("", Duration.ofMillis(100));
        final Javalin app;
        private final int openFor;
        private volatile boolean armed = true;
        private volatile boolean closed;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private final AtomicBoolean everHeld = new AtomicBoolean();

        GatedOnfon(int openFor) {
            this.openFor = openFor;
            this.app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.routes.before("/v1/sms/SendBulkSMS", this::pass);
                cfg.routes.after("/v1/sms/SendBulkSMS", ctx -> {
                    if (armed && simulator.submitted().size() >= this.openFor) {
                        closed = true;
                    }
                });
                simulator.addRoutes(cfg);
            }).start("127.0.0.1", 0);
        }

        private void pass(Context ctx) throws InterruptedException {
            CountDownLatch latch = held; // read before the gate: reopen opens it, then releases this latch
            if (!closed) {
                return;
            }
            everHeld.set(true);
            latch.await();
            // released after its sender died: it never reached the upstream
            ctx.status(503).result("held").skipRemainingHandlers();
        }

        boolean holding() {
            return everHeld.get();
        }

        /** Lets every request through from now on; those held so far fail without reaching the upstream. */
        void reopen() {
            armed = false;
            closed = false;
            CountDownLatch was = held;
            held = new CountDownLatch(1);
            was.countDown();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + app.port();
        }

        @Override
        public void close() {
            held.countDown();
            app.stop();
            simulator.close();
        }
    }

    private static Map<String, String> env(Store store, GatedOnfon onfon, int port) {
        Map<String, String> env = new HashMap<>(store.env());
        env.put("PORT", Integer.toString(port));
        env.put("ONFON_BASE_URL", onfon.baseUrl());
        env.put("ONFON_ACCESS_KEY", OnfonSimulator.DEFAULT_ACCESS_KEY);
        env.put("ONFON_API_KEY", OnfonSimulator.DEFAULT_API_KEY);
        env.put("ONFON_CLIENT_ID", OnfonSimulator.DEFAULT_CLIENT_ID);
        env.put("ONFON_DLR_TOKEN", DLR_TOKEN);
        env.put("ONFON_MAX_TPS", "300");
        return env;
    }

    /** The campaign's progress over HTTP; {@code pending} is what launch froze and the feeding has not queued yet. */
    private record Progress(String status, long recipients, long queued, long sent, long delivered, long failed,
                            long skipped, long cancelled) {
        static Progress of(JsonNode j) {
            return new Progress(j.get("status").asText(), j.get("recipients").asLong(), j.get("queued").asLong(),
                    j.get("sent").asLong(), j.get("delivered").asLong(), j.get("failed").asLong(),
                    j.get("skipped").asLong(), j.has("cancelled") ? j.get("cancelled").asLong() : 0);
        }

        long pending() {
            return recipients - skipped - queued - sent - cancelled;
        }
    }

    private static Progress progress(Sender s, String campaign) {
        Http.Response r = s.get("/campaigns/" + campaign);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Progress.of(r.json());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCampaignInterruptedByKillDashNineCompletesAfterRestartWithEveryRecipientSentOnce(String database) {
        Store store = store(database);
        long tenant;
        String apiKey;
        try (Jumbe platform = platform(store)) {
            var created = platform.tenants().create(NewTenant.of("Moi Girls School", "bursar@moigirls.example",
                    "SCHOOL").withBalance(Money.parse(START)));
            tenant = created.tenant().id();
            apiKey = created.key().secret();
        }
        // Texts of different lengths: some one segment, some two; recipients end in 7 (accepted, then DELIVRD).
        Map<String, String> expected = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("phone,name,student,form\r\n");
        long cost = 0;
        for (int i = 0; i < RECIPIENTS; i++) {
            String phone = "2547" + (11000000 + i * 10 + 7);
            String name = "Parent " + i;
            String student = "Student " + i + "x".repeat(i % 7 == 0 ? 120 : i % 40);
            csv.append(phone).append(',').append(name).append(',').append(student).append(",2\r\n");
            String text = "Dear " + name + ", fees for " + student + " are due on 5 Dec.";
            expected.put(phone, text);
            cost += SmsService.costOf(text, Money.parse("1.00")).cents();
        }

        try (GatedOnfon onfon = new GatedOnfon(SENT_BEFORE_KILL)) {
            String campaign;
            // Both processes listen on one port, so the upstream's reports have one address throughout: those it
            // sends while no process runs fail, and are sent again below.
            int port = freePort();
            onfon.simulator.dlrUrl("http://127.0.0.1:" + port + DeliveryReportHandlers.PATH + DLR_TOKEN);
            try (ServerProcess dying = ServerProcess.start(home.resolve("server"), env(store, onfon, port),
                    Map.of())) {
                Sender s = new Sender(tenant, apiKey, dying.http());
                Http.Response imported = dying.http().sendBytes("POST", s.path("/contacts/import?group=form-2"),
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        Map.of("X-API-Key", apiKey, "Content-Type", "text/csv"));
                assertThat(imported.status()).as(imported.body()).isEqualTo(202);
                String importId = imported.json().get("import_id").asText();
                Eventually.until("the import completed", LONG, () -> s.get("/contacts/import/" + importId).json()
                        .get("status").asText().equals("completed"));
                assertThat(s.get("/contacts/import/" + importId).json().get("created").asInt()).isEqualTo(RECIPIENTS);

                Http.Response draft = s.post("/campaigns", "{\"name\":\"Term 3 fees\",\"channel\":\"sms\","
                        + "\"message\":\"Dear {{name}}, fees for {{student}} are due on 5 Dec.\","
                        + "\"audience\":{\"groups\":[\"form-2\"]}}");
                assertThat(draft.status()).as(draft.body()).isEqualTo(201);
                campaign = draft.json().get("campaign_id").asText();
                Http.Response launched = s.post("/campaigns/" + campaign + "/launch", "{}");
                assertThat(launched.status()).as(launched.body()).isEqualTo(200);
                assertThat(launched.json().get("charged").decimalValue())
                        .isEqualByComparingTo(Money.ofCents(cost).toDecimal());

                // Some sent, the upstream now holding the next requests, and nothing it accepted left unrecorded.
                Eventually.until("the upstream holds requests and every message it accepted is recorded sent", LONG,
                        () -> onfon.holding() && progress(s, campaign).sent() == onfon.simulator.submitted().size());
                Progress before = progress(s, campaign);
                assertThat(before.status()).isEqualTo("running");
                assertThat(before.sent()).isBetween((long) SENT_BEFORE_KILL, (long) RECIPIENTS - 1);
                assertThat(before.queued()).as("messages waiting on the bulk lane").isPositive();
                assertThat(before.pending()).as("recipients not yet fed to the bulk lane").isPositive();
                dying.kill9();
            }
            onfon.reopen();

            try (ServerProcess next = ServerProcess.start(home.resolve("server"), env(store, onfon, port), Map.of())) {
                Sender s = new Sender(tenant, apiKey, next.http());
                Set<Integer> redelivered = new HashSet<>();
                Progress[] last = new Progress[1];
                try {
                    Eventually.until("the campaign completed after the restart", LONG, () -> {
                        redeliverFailedReports(onfon.simulator, next, redelivered);
                        last[0] = progress(s, campaign);
                        return last[0].status().equals("completed");
                    });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; last progress " + last[0] + ", upstream accepted "
                            + onfon.simulator.submitted().size(), e);
                }
                Progress done = progress(s, campaign);
                assertThat(done.delivered()).isEqualTo(RECIPIENTS);
                assertThat(done.failed()).isZero();
                assertThat(next.terminate()).isEqualTo(143);
            }

            Map<String, Long> perNumber = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            onfon.simulator.submitted().forEach(m -> {
                perNumber.merge(m.number(), 1L, Long::sum);
                texts.put(m.number(), m.text());
            });
            Map<String, Long> once = new HashMap<>();
            expected.keySet().forEach(p -> once.put(p, 1L));
            assertThat(perNumber).as("submissions per recipient").isEqualTo(once);
            assertThat(texts).isEqualTo(expected);

            try (HikariDataSource pool = store.pool(); Jumbe platform = platform(store)) {
                Jdbi jdbi = Jdbi.create(pool);
                List<Map<String, Object>> debits = jdbi.withHandle(h -> h.createQuery("SELECT reference, amount_cents "
                        + "FROM wallet_transactions WHERE tenant_id = :t AND type = 'debit'").bind("t", tenant)
                        .mapToMap().list());
                assertThat(debits).hasSize(1);
                assertThat(debits.get(0).get("reference")).isEqualTo(campaign);
                assertThat(((Number) debits.get(0).get("amount_cents")).longValue()).isEqualTo(cost);
                long refunds = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(amount_cents), 0) FROM "
                        + "wallet_transactions WHERE tenant_id = :t AND type = 'refund'").bind("t", tenant)
                        .mapTo(Long.class).one());
                assertThat(platform.wallet().balance(tenant).balance().cents())
                        .isEqualTo(Money.parse(START).cents() - cost + refunds);
                long distinctMessages = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT message_id) FROM "
                        + "campaign_recipients WHERE campaign_id = :c").bind("c", campaign).mapTo(Long.class).one());
                assertThat(distinctMessages).isEqualTo(RECIPIENTS);
                assertThat(platform.ledgerCheck().verify()).isEmpty();
            }
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Delivery reports the simulator could not hand over (the process was dead or being replaced) go again to the
     * running process, as an upstream retrying its callbacks would; a report it already applied is applied once.
     */
    private static void redeliverFailedReports(OnfonSimulator onfon, ServerProcess to, Set<Integer> done) {
        List<OnfonSimulator.SentReport> reports = onfon.reports();
        for (int i = 0; i < reports.size(); i++) {
            OnfonSimulator.SentReport r = reports.get(i);
            if (r.httpStatus() == 200 || !done.add(i)) {
                continue;
            }
            URI uri = URI.create(r.url());
            String path = DeliveryReportHandlers.PATH + DLR_TOKEN + "?" + uri.getRawQuery();
            Http.Response again = to.http().get(path);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
        }
    }
}
