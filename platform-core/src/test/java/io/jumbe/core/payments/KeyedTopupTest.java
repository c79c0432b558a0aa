package io.jumbe.core.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.idempotency.IdempotencyService;
import io.jumbe.core.idempotency.IdempotencyService.Key;
import io.jumbe.core.idempotency.IdempotencyService.Outcome;
import io.jumbe.core.idempotency.IdempotencyService.Response;
import io.jumbe.core.payments.mpesa.DarajaUnavailableException;
import io.jumbe.core.payments.mpesa.PaymentGateway;
import io.jumbe.core.payments.mpesa.StkPushRequest;
import io.jumbe.core.payments.mpesa.StkPushResult;
import io.jumbe.core.payments.mpesa.StkQueryResult;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.TransactionFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A keyed M-Pesa top-up calls Daraja between two transactions; whatever happens to the process in between, a retry
 * with the same key never prompts the customer's phone a second time.
 */
class KeyedTopupTest {

    /** Counts pushes; a push can be made to wait until the test lets it go, or to fail. */
    private static final class CountingDaraja implements PaymentGateway {
        final AtomicInteger pushes = new AtomicInteger();
        final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
        final CountDownLatch pushing = new CountDownLatch(1);
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        @Override
        public StkPushResult stkPush(StkPushRequest request) {
            int n = pushes.incrementAndGet();
            pushing.countDown();
            CountDownLatch latch = hold.get();
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return new StkPushResult("m-" + n, "ws_CO_KEYED" + n + "_" + System.nanoTime(), "0", "ok", "ok");
        }

        @Override
        public StkQueryResult stkQuery(String checkoutRequestId) {
            return new StkQueryResult.Pending(checkoutRequestId, "being processed");
        }
    }

    private static final IdempotencyService.Renderer<StartedTopup> RENDER = new IdempotencyService.Renderer<>() {
        @Override
        public Response done(StartedTopup started) {
            return new Response(202, started.transactionId() + "|" + started.checkoutRequestId());
        }

        @Override
        public Response refused(ServiceException refusal) {
            return new Response(502, refusal.code() + "|" + refusal.extras().get("transaction_id"));
        }
    };

    private static Jumbe platform(DataSource ds, PaymentGateway daraja, CrashPoints crash) {
        return Jumbe.builder().dataSource(ds).paymentGateway(daraja).crashPoints(crash)
                .topupSettings(new TopupSettings(Money.parse("100"), Money.parse("50000"), Duration.ofMinutes(1),
                        Duration.ofMinutes(10)))
                .build();
    }

    private static long tenant(Jumbe platform) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY")).tenant().id();
    }

    private static Key key(long tenant) {
        return Key.of(tenant, "tap-1", "POST", "/api/" + tenant + "/wallet/topup",
                "{\"amount\":100,\"phone_number\":\"0712345678\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome topUp(Jumbe platform, long tenant) {
        return platform.topups().initiate(key(tenant), tenant, Money.parse("100"), "0712345678", RENDER);
    }

    // through the tenant's transaction list, wherever top-ups are stored
    private static List<Topup> topups(Jumbe platform, long tenant) {
        return platform.wallet().transactions().page(tenant, TransactionFilter.none(), 1, 100).stream()
                .filter(t -> "mpesa".equals(t.paymentMethod()))
                .map(t -> platform.topups().find(tenant, t.id()).orElseThrow()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRetryAfterTheProcessDiedBeforeThePushAnswersFromTheTopupAndNeverPushes(TestDatabase db) {
        DataSource ds = db.freshDataSource();
        CountingDaraja daraja = new CountingDaraja();
        try (Jumbe dying = platform(ds, daraja, CrashPoints.at(TopupService.RECORDED, CrashPoints.Action.THROW));
             Jumbe restarted = platform(ds, daraja, CrashPoints.NONE)) {
            long t = tenant(restarted);
            assertThatThrownBy(() -> topUp(dying, t)).isInstanceOf(CrashPoints.InjectedFailure.class);

            Outcome retry = topUp(restarted, t);
            Topup only = topups(restarted, t).get(0);
            assertThat(retry).isEqualTo(new Outcome.Replay(new Response(202, only.transactionId() + "|null")));
            assertThat(topUp(restarted, t)).isEqualTo(retry);
            assertThat(daraja.pushes).hasValue(0);
            assertThat(topups(restarted, t)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRetryAfterTheProcessDiedAfterThePushNeverPushesAgain(TestDatabase db) {
        DataSource ds = db.freshDataSource();
        CountingDaraja daraja = new CountingDaraja();
        try (Jumbe dying = platform(ds, daraja, CrashPoints.at(TopupService.PUSHED, CrashPoints.Action.THROW));
             Jumbe restarted = platform(ds, daraja, CrashPoints.NONE)) {
            long t = tenant(restarted);
            assertThatThrownBy(() -> topUp(dying, t)).isInstanceOf(CrashPoints.InjectedFailure.class);
            assertThat(daraja.pushes).hasValue(1);

            Outcome retry = topUp(restarted, t);
            assertThat(retry).isInstanceOf(Outcome.Replay.class);
            assertThat(((Outcome.Replay) retry).response().body()).startsWith(topups(restarted, t).get(0).transactionId());
            assertThat(daraja.pushes).hasValue(1);
            assertThat(topups(restarted, t)).singleElement().satisfies(x -> assertThat(x.isPending()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRetryWhileThePushRunsIsInProgressAndThenReplaysTheAnswer(TestDatabase db) throws Exception {
        CountingDaraja daraja = new CountingDaraja();
        CountDownLatch release = new CountDownLatch(1);
        daraja.hold.set(release);
        try (Jumbe platform = platform(db.freshDataSource(), daraja, CrashPoints.NONE)) {
            long t = tenant(platform);
            CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> topUp(platform, t));
            assertThat(daraja.pushing.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(topUp(platform, t)).isInstanceOf(Outcome.InProgress.class);
            release.countDown();
            Outcome ran = first.get(30, TimeUnit.SECONDS);
            assertThat(ran).isInstanceOf(Outcome.Ran.class);
            assertThat(topUp(platform, t)).isEqualTo(new Outcome.Replay(((Outcome.Ran) ran).response()));
            assertThat(daraja.pushes).hasValue(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aPushDarajaDidNotAnswerIsKeptAsTheAnswerAndNotTriedAgain(TestDatabase db) {
        CountingDaraja daraja = new CountingDaraja();
        daraja.failure.set(new DarajaUnavailableException(0, null, "read timed out", null, null));
        try (Jumbe platform = platform(db.freshDataSource(), daraja, CrashPoints.NONE)) {
            long t = tenant(platform);
            Outcome first = topUp(platform, t);
            String txn = topups(platform, t).get(0).transactionId();
            assertThat(first).isEqualTo(new Outcome.Ran(new Response(502, "payment_provider_error|" + txn)));
            daraja.failure.set(null);
            assertThat(topUp(platform, t)).isEqualTo(new Outcome.Replay(new Response(502, "payment_provider_error|" + txn)));
            assertThat(daraja.pushes).hasValue(1);
            assertThat(topups(platform, t)).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo("failed"));
        }
    }
}
