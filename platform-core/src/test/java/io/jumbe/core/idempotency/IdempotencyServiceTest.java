package io.jumbe.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.CrashPoints;
import io.jumbe.core.common.Money;
import io.jumbe.core.idempotency.IdempotencyService.Key;
import io.jumbe.core.idempotency.IdempotencyService.Outcome;
import io.jumbe.core.idempotency.IdempotencyService.Response;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key, the effect and the stored answer commit together or not at all, on both databases. The effect here is a
 * wallet credit made through the wallet service's own transaction, so a second run or a half-kept one shows in the
 * balance.
 */
class IdempotencyServiceTest {

    private static long tenant(Jumbe platform) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY")).tenant().id();
    }

    private static Key key(long tenant, String key) {
        return Key.of(tenant, key, "POST", "/api/" + tenant + "/credits", "{\"amount\":10}".getBytes(StandardCharsets.UTF_8));
    }

    private static Supplier<Response> credit(Jumbe platform, long tenant, AtomicInteger runs) {
        return () -> {
            runs.incrementAndGet();
            var change = platform.wallet().manualCredit(tenant, Money.parse("10"), "ref", null, "test");
            return new Response(201, "{\"transaction_id\":\"" + change.transactionId() + "\"}");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aServiceTransactionInsideTheWorkJoinsTheKeysTransaction(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long t = tenant(platform);
            AtomicInteger runs = new AtomicInteger();
            Supplier<Response> creditThenFail = () -> {
                credit(platform, t, runs).get();
                throw new IllegalStateException("the handler failed after the credit");
            };
            assertThatThrownBy(() -> platform.idempotency().execute(key(t, "k-1"), creditThenFail))
                    .isInstanceOf(IllegalStateException.class);
            // the credit's own inTransaction joined the key's: rolled back with it, and the key is free again
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.ZERO);

            Outcome retried = platform.idempotency().execute(key(t, "k-1"), credit(platform, t, runs));
            assertThat(retried).isInstanceOf(Outcome.Ran.class);
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("10"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theSameKeyReplaysTheAnswerAndRunsOnce(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long t = tenant(platform);
            AtomicInteger runs = new AtomicInteger();
            Outcome first = platform.idempotency().execute(key(t, "k-1"), credit(platform, t, runs));
            Outcome second = platform.idempotency().execute(key(t, "k-1"), credit(platform, t, runs));
            assertThat(second).isEqualTo(new Outcome.Replay(((Outcome.Ran) first).response()));
            assertThat(runs).hasValue(1);
            Outcome other = platform.idempotency().execute(Key.of(t, "k-1", "POST", "/api/" + t + "/credits",
                    "{\"amount\":99}".getBytes(StandardCharsets.UTF_8)), credit(platform, t, runs));
            assertThat(other).isInstanceOf(Outcome.Conflict.class);
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("10"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRefusalIsKeptWithoutTheWritesMadeBeforeIt(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long t = tenant(platform);
            AtomicInteger runs = new AtomicInteger();
            Response problem = new Response(402, "{\"code\":\"insufficient_balance\"}");
            Supplier<Response> creditThenRefuse = () -> {
                credit(platform, t, runs).get();
                throw new IdempotencyService.Refused(problem);
            };
            assertThat(platform.idempotency().execute(key(t, "k-1"), creditThenRefuse)).isEqualTo(new Outcome.Ran(problem));
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.ZERO);
            assertThat(platform.idempotency().execute(key(t, "k-1"), credit(platform, t, runs)))
                    .isEqualTo(new Outcome.Replay(problem));
            assertThat(runs).hasValue(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aFailureAfterTheCommitLeavesTheAnswerForTheRetry(TestDatabase db) {
        DataSource shared = db.freshDataSource();
        try (Jumbe failing = Jumbe.builder().dataSource(shared)
                .crashPoints(CrashPoints.at(IdempotencyService.COMMITTED, CrashPoints.Action.THROW)).build();
             Jumbe healthy = Jumbe.builder().dataSource(shared).build()) {
            long t = tenant(healthy);
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> failing.idempotency().execute(key(t, "k-1"), credit(failing, t, runs)))
                    .isInstanceOf(CrashPoints.InjectedFailure.class);
            Outcome retried = healthy.idempotency().execute(key(t, "k-1"), credit(healthy, t, runs));
            assertThat(retried).isInstanceOf(Outcome.Replay.class);
            assertThat(((Outcome.Replay) retried).response().status()).isEqualTo(201);
            assertThat(runs).hasValue(1);
            assertThat(healthy.wallet().balance(t).balance()).isEqualTo(Money.parse("10"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aProcessThatDiesBeforeTheCommitLeavesNothingAndTheRetryRuns(TestDatabase db) {
        DataSource shared = db.freshDataSource();
        try (Jumbe dying = Jumbe.builder().dataSource(shared)
                .crashPoints(CrashPoints.at(IdempotencyService.BEFORE_COMMIT, CrashPoints.Action.THROW)).build();
             Jumbe healthy = Jumbe.builder().dataSource(shared).build()) {
            long t = tenant(healthy);
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> dying.idempotency().execute(key(t, "k-1"), credit(dying, t, runs)))
                    .isInstanceOf(CrashPoints.InjectedFailure.class);
            assertThat(healthy.wallet().balance(t).balance()).isEqualTo(Money.ZERO);
            assertThat(healthy.idempotency().execute(key(t, "k-1"), credit(healthy, t, runs)))
                    .isInstanceOf(Outcome.Ran.class);
            assertThat(healthy.wallet().balance(t).balance()).isEqualTo(Money.parse("10"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void onlyAUniqueKeyViolationMeansTheKeyWasSeen(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long t = tenant(platform);
            AtomicInteger runs = new AtomicInteger();
            // a key the column cannot hold fails the claim with another error: an error, not "seen before"
            Key tooLong = key(t, "k".repeat(300));
            assertThatThrownBy(() -> platform.idempotency().execute(tooLong, credit(platform, t, runs)))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            assertThat(runs).hasValue(0);
        }
    }
}
