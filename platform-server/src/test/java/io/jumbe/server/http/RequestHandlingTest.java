package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.jobs.JobQueue;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.BalanceChange;
import io.jumbe.server.JumbeServer;
import io.jumbe.server.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The conventions every creating endpoint gets from the HTTP layer, proven on a small endpoint of the test's own
 * that credits the wallet (so a replay that ran twice would show in the balance).
 */
class RequestHandlingTest {

    private record Fixture(Jumbe platform, JumbeServer server, Http http, long tenant, String key, AtomicInteger runs,
                           CountDownLatch release) implements AutoCloseable {
        Http.Response post(String body, Map<String, String> headers) {
            var all = new java.util.HashMap<>(headers);
            all.put("X-API-Key", key);
            return http.send("POST", "/api/" + tenant + "/credits", body, all);
        }

        @Override
        public void close() {
            server.close();
            platform.close();
        }
    }

    private static Fixture start(TestDatabase db, boolean slow) {
        return start(Jumbe.builder().database(db.fresh()).build(), slow);
    }

    private static Fixture start(Jumbe platform, boolean slow) {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(slow ? 1 : 0);
        Idempotency idempotency = new Idempotency(platform.idempotency());
        RouteGroup credits = routes -> routes.post("/api/{client_id}/credits", idempotency.wrap(ctx -> {
            JsonBody body = JsonBody.of(ctx);
            var amount = body.requiredDecimal("amount");
            var reference = body.requiredText("reference");
            body.throwIfInvalid();
            if (amount.signum() <= 0) {
                throw new ServiceException("validation_failed", "amount must be positive");
            }
            int run = runs.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            BalanceChange change = platform.wallet().manualCredit(Authenticator.tenantId(ctx), Money.of(amount),
                    reference, null, "test");
            if ("fails-once-after-credit".equals(reference) && run == 1) {
                throw new IllegalStateException("the handler failed after its credit");
            }
            Responses.json(ctx, 201, Map.of("transaction_id", change.transactionId(), "balance",
                    change.after().toDecimal()));
        }));
        JumbeServer server = new JumbeServer(platform, new HttpMetrics(new JobQueue(platform.jdbi(), platform.clock())),
                List.of(credits)).start(0);
        var created = platform.tenants().list().isEmpty()
                ? platform.tenants().create(NewTenant.of("T", "t@t.example", "TEST"))
                : new io.jumbe.core.tenant.TenantService.Created(platform.tenants().list().get(0),
                        platform.apiKeys().create(platform.tenants().list().get(0).id(), false));
        return new Fixture(platform, server, new Http(server.baseUrl()), created.tenant().id(),
                created.key().secret(), runs, release);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theSameKeyAndBodyGetTheStoredResponseAndRunOnce(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            var first = f.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-1"));
            var second = f.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-1"));
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(f.runs().get()).isEqualTo(1);
            assertThat(f.platform().wallet().balance(f.tenant()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anIdempotencyKeyHoldsAcrossInstancesSharingOneDatabase(TestDatabase db) {
        var shared = db.freshDataSource();
        try (Fixture a = start(Jumbe.builder().dataSource(shared).build(), false);
             Fixture b = start(Jumbe.builder().dataSource(shared).build(), false)) {
            var first = a.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-x"));
            var retriedElsewhere = b.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-x"));
            assertThat(retriedElsewhere.status()).isEqualTo(201);
            assertThat(retriedElsewhere.body()).isEqualTo(first.body());
            assertThat(a.runs().get() + b.runs().get()).isEqualTo(1);
            assertThat(a.platform().wallet().balance(a.tenant()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aHandlerThatFailsAfterItsEffectKeepsNeitherSoTheRetryCreditsOnce(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            String body = "{\"amount\": 10, \"reference\": \"fails-once-after-credit\"}";
            var failed = f.post(body, Map.of("Idempotency-Key", "k-f"));
            var retried = f.post(body, Map.of("Idempotency-Key", "k-f"));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
            // the failed run's credit went with its transaction: one credit for one logical request
            assertThat(f.platform().wallet().balance(f.tenant()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(f.platform().ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aFailureAfterTheCommitIsAnsweredOnRetryWithTheStoredResponse(TestDatabase db) {
        var shared = db.freshDataSource();
        try (Fixture failing = start(Jumbe.builder().dataSource(shared).crashPoints(CrashPoints.at(
                     IdempotencyService.COMMITTED, CrashPoints.Action.THROW)).build(), false);
             Fixture healthy = start(Jumbe.builder().dataSource(shared).build(), false)) {
            var lost = failing.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-c"));
            var retried = healthy.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-c"));
            assertThat(lost.status()).isEqualTo(500);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(failing.runs().get() + healthy.runs().get()).isEqualTo(1);
            assertThat(healthy.platform().wallet().balance(healthy.tenant()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theSameKeyWithAnotherBodyIsAConflict(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            f.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-1"));
            var other = f.post("{\"amount\": 99, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-1"));
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.json().get("code").asText()).isEqualTo("idempotency_conflict");
            assertThat(f.platform().wallet().balance(f.tenant()).balance()).isEqualTo(Money.parse("10.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRetryWhileTheFirstRequestRunsGets409(TestDatabase db) throws Exception {
        try (Fixture f = start(db, true)) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Http.Response> first = pool.submit(() ->
                    f.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-2")));
            while (f.runs().get() == 0) {
                Thread.sleep(10);
            }
            var racing = f.post("{\"amount\": 10, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-2"));
            f.release().countDown();
            assertThat(racing.status()).isEqualTo(409);
            assertThat(racing.json().get("code").asText()).isEqualTo("idempotency_in_progress");
            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aValidationFailureIsStoredTooSoARetryGetsTheSameProblem(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            var first = f.post("{\"amount\": -1, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-3"));
            var again = f.post("{\"amount\": -1, \"reference\": \"a\"}", Map.of("Idempotency-Key", "k-3"));
            assertThat(first.status()).isEqualTo(400);
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.json().get("code").asText()).isEqualTo("validation_failed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void badBodiesAreListedFieldByFieldAndChangeNothing(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            for (String bad : List.of("{not json", "[1,2]", "", "\"text\"", "{\"amount\": \"ten\", \"reference\": 5}",
                    "{\"amount\": true}")) {
                var r = f.post(bad, Map.of());
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
                assertThat(r.json().get("errors").size()).isPositive();
            }
            var typed = f.post("{\"amount\": \"ten\", \"reference\": 5}", Map.of()).json();
            assertThat(typed.get("errors").toString()).contains("\"field\":\"amount\"").contains("\"field\":\"reference\"");
            assertThat(f.runs().get()).isZero();
            assertThat(f.platform().wallet().balance(f.tenant()).balance()).isEqualTo(Money.ZERO);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void jsonSentWithAFormContentTypeOrNoneIsStillReadAsJson(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            var form = f.post("{\"amount\": 5, \"reference\": \"curl -d\"}",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(form.status()).isEqualTo(201);
            var none = f.http().sendBytes("POST", "/api/" + f.tenant() + "/credits",
                    "{\"amount\": 5, \"reference\": \"none\"}".getBytes(), Map.of("X-API-Key", f.key()));
            assertThat(none.status()).isEqualTo(201);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBodyOverOneMebibyteIs413(TestDatabase db) {
        try (Fixture f = start(db, false)) {
            String big = "{\"amount\": 5, \"reference\": \"" + "x".repeat(1024 * 1024) + "\"}";
            var r = f.post(big, Map.of());
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().get("code").asText()).isEqualTo("payload_too_large");
            assertThat(f.runs().get()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void noApiKeyEverAppearsInALogLine(TestDatabase db) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try (Fixture f = start(db, false)) {
            f.post("{\"amount\": 5, \"reference\": \"a\"}", Map.of());
            f.post("{bad", Map.of());
            f.http().send("GET", "/api/" + f.tenant() + "/nothing", null, Map.of("Authorization", "Bearer " + f.key()));
            f.http().send("GET", "/api/" + (f.tenant() + 1) + "/credits", null, Map.of("X-API-Key", f.key()));
            List<String> lines = new ArrayList<>();
            captured.list.forEach(e -> lines.add(e.getFormattedMessage()));
            assertThat(lines).anyMatch(l -> l.contains("POST /api/" + f.tenant() + "/credits 201"));
            assertThat(String.join("\n", lines)).doesNotContain(f.key()).doesNotContain(f.key().substring(8, 30));
        } finally {
            root.detachAppender(captured);
        }
    }
}
