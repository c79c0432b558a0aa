package io.jumbe.core.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.payments.mpesa.DarajaUnavailableException;
import io.jumbe.core.payments.mpesa.PaymentGateway;
import io.jumbe.core.payments.mpesa.StkCallback;
import io.jumbe.core.payments.mpesa.StkPushRequest;
import io.jumbe.core.payments.mpesa.StkPushResult;
import io.jumbe.core.payments.mpesa.StkQueryResult;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The top-up rules against the real database, with Daraja's answers scripted by the test. */
class TopupServiceTest {

    /** Daraja as the test scripts it: every push accepted with a fresh id, queries answered as set. */
    private static final class ScriptedDaraja implements PaymentGateway {
        final AtomicInteger pushes = new AtomicInteger();
        final AtomicReference<RuntimeException> pushFailure = new AtomicReference<>();
        final AtomicReference<StkQueryResult> queryAnswer = new AtomicReference<>();

        @Override
        public StkPushResult stkPush(StkPushRequest request) {
            if (pushFailure.get() != null) {
                throw pushFailure.get();
            }
            int n = pushes.incrementAndGet();
            return new StkPushResult("m-" + n, "ws_CO_TEST" + n + "_" + System.nanoTime(), "0", "ok", "ok");
        }

        @Override
        public StkQueryResult stkQuery(String checkoutRequestId) {
            return queryAnswer.get();
        }
    }

    private static Jumbe platform(TestDatabase db, ScriptedDaraja daraja) {
        return Jumbe.builder().database(db.fresh()).paymentGateway(daraja)
                .topupSettings(new TopupSettings(Money.parse("100"), Money.parse("50000"), Duration.ZERO,
                        Duration.ofMinutes(10)))
                .build();
    }

    private static long tenant(Jumbe platform) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY")).tenant().id();
    }

    private static StkCallback paid(String checkout, long cents, String receipt) {
        return new StkCallback("m", checkout, 0, "The service request is processed successfully.", cents, receipt,
                null, "254712345678");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void rejectsSecondCreditForTheSameReceipt(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup a = platform.topups().initiate(t, Money.parse("100"), "0712345678");
            StartedTopup b = platform.topups().initiate(t, Money.parse("100"), "0712345678");
            assertThat(platform.topups().handleCallback(paid(a.checkoutRequestId(), 10_000, "QKH94M1Z11"), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.CREDITED);
            assertThat(platform.topups().handleCallback(paid(b.checkoutRequestId(), 10_000, "QKH94M1Z11"), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.ANOMALY);
            assertThat(platform.topups().find(t, b.transactionId()).orElseThrow().status()).isEqualTo("pending");
            assertThat(platform.topups().anomalies().list(false)).singleElement()
                    .satisfies(x -> assertThat(x.kind()).isEqualTo("receipt_reused"));
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("100"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCallbackAfterAQueryResolvedTheTopupFillsInTheReceiptAndCreditsNothing(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup s = platform.topups().initiate(t, Money.parse("500"), "0712345678");
            daraja.queryAnswer.set(new StkQueryResult.Resolved(s.checkoutRequestId(), "m", "0", "ok"));
            assertThat(platform.topups().reconcile(s.transactionId())).isEmpty();
            assertThat(platform.topups().find(t, s.transactionId()).orElseThrow().mpesaReceipt()).isNull();

            assertThat(platform.topups().handleCallback(paid(s.checkoutRequestId(), 50_000, "NLJ7RT61SV"), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.ALREADY_SETTLED);
            Topup after = platform.topups().find(t, s.transactionId()).orElseThrow();
            assertThat(after.mpesaReceipt()).isEqualTo("NLJ7RT61SV");
            assertThat(after.lateCredit()).isFalse();
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("500"));
            assertThat(platform.events().forTenant(t, EventTypes.TOPUP_COMPLETED, 10)).hasSize(1);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void beingProcessedMeansAskAgainLater(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup s = platform.topups().initiate(t, Money.parse("500"), "0712345678");
            daraja.queryAnswer.set(new StkQueryResult.Pending(s.checkoutRequestId(), "The transaction is being processed"));
            assertThat(platform.topups().reconcile(s.transactionId())).isPresent();
            assertThat(platform.topups().find(t, s.transactionId()).orElseThrow().isPending()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnansweredPushFailsTheTopupWithTheReasonAndSaysPaymentProviderError(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            daraja.pushFailure.set(new DarajaUnavailableException(0, null, "no answer from Daraja: SocketTimeoutException",
                    null, null));
            assertThatThrownBy(() -> platform.topups().initiate(t, Money.parse("100"), "0712345678"))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo("payment_provider_error");
                        String txn = (String) e.extras().get("transaction_id");
                        Topup failed = platform.topups().find(t, txn).orElseThrow();
                        assertThat(failed.status()).isEqualTo("failed");
                        assertThat(failed.failureReason()).startsWith("M-Pesa did not answer the payment request")
                                .contains("SocketTimeoutException");
                    });
            assertThat(platform.events().forTenant(t, EventTypes.TOPUP_FAILED, 10)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSuccessWithoutAReceiptIsLeftToReconciliation(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup s = platform.topups().initiate(t, Money.parse("100"), "0712345678");
            assertThat(platform.topups().handleCallback(paid(s.checkoutRequestId(), 10_000, null), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.ANOMALY);
            assertThat(platform.topups().find(t, s.transactionId()).orElseThrow().isPending()).isTrue();
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.ZERO);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void manualRequestsCannotSettleAnMpesaTopup(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup s = platform.topups().initiate(t, Money.parse("100"), "0712345678");
            assertThatThrownBy(() -> platform.topups().approve(s.transactionId(), "admin:x"))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.ZERO);
        }
    }
}
