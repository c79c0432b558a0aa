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
import io.jumbe.core.wallet.TransactionFilter;
import io.jumbe.core.wallet.WalletTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
        /** Runs with the new CheckoutRequestID before the push is answered (a callback that overtakes the answer). */
        final AtomicReference<Consumer<String>> beforeAnswer = new AtomicReference<>(id -> { });

        @Override
        public StkPushResult stkPush(StkPushRequest request) {
            if (pushFailure.get() != null) {
                throw pushFailure.get();
            }
            int n = pushes.incrementAndGet();
            String checkout = "ws_CO_TEST" + n + "_" + System.nanoTime();
            beforeAnswer.get().accept(checkout);
            return new StkPushResult("m-" + n, checkout, "0", "ok", "ok");
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

    private static StkCallback cancelled(String checkout) {
        return new StkCallback("m", checkout, 1032, "Request cancelled by user", null, null, null, null);
    }

    private static List<Map<String, Object>> heldJobs(Jumbe platform) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT payload, run_at FROM jobs WHERE kind = :k")
                .bind("k", TopupService.HELD_CALLBACK_KIND).mapToMap().list());
    }

    /**
     * The order the Wallet and Webhooks pages promise: the balance moves first, so a tenant that reads the
     * balance on {@code topup.completed} already sees the credit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCompletedTopUpSendsBalanceUpdatedBeforeTopUpCompleted(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup s = platform.topups().initiate(t, Money.parse("200"), "0712345678");

            platform.topups().handleCallback(paid(s.checkoutRequestId(), 20_000, "QKH94M1Z12"), "{}");

            var balance = platform.events().forTenant(t, EventTypes.BALANCE_UPDATED, 10);
            var completed = platform.events().forTenant(t, EventTypes.TOPUP_COMPLETED, 10);
            assertThat(balance).hasSize(1);
            assertThat(completed).hasSize(1);
            assertThat(balance.get(0).sequence()).isLessThan(completed.get(0).sequence());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSuccessCallbackThatOvertakesThePushAnswerIsCreditedOnceWithItsReceipt(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            AtomicReference<TopupService.CallbackOutcome> early = new AtomicReference<>();
            daraja.beforeAnswer.set(checkout -> early.set(platform.topups().handleCallback(
                    paid(checkout, 20_000, "QKH94M1Z11"), "{\"Body\":{}}")));

            StartedTopup s = platform.topups().initiate(t, Money.parse("200"), "0712345678");

            assertThat(early.get()).isEqualTo(TopupService.CallbackOutcome.HELD);
            Topup done = platform.topups().find(t, s.transactionId()).orElseThrow();
            assertThat(done.status()).isEqualTo("completed");
            assertThat(done.mpesaReceipt()).isEqualTo("QKH94M1Z11");
            assertThat(done.creditTransactionId()).isEqualTo(s.transactionId());
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("200"));
            assertThat(platform.events().forTenant(t, EventTypes.TOPUP_COMPLETED, 10)).hasSize(1);
            assertThat(platform.topups().anomalies().list(true)).isEmpty();
            // a duplicate of the same callback now finds its top-up settled
            assertThat(platform.topups().handleCallback(paid(s.checkoutRequestId(), 20_000, "QKH94M1Z11"), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.ALREADY_SETTLED);
            // the reconciliation job has nothing left to do, and the held callback's expiry finds nothing held
            assertThat(platform.topups().reconcile(s.transactionId())).isEmpty();
            heldJobs(platform).forEach(j -> platform.topups().expireHeld((String) j.get("payload")));
            assertThat(platform.topups().anomalies().list(true)).isEmpty();
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("200"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCallbackNoTopupClaimsIsHeldAndBecomesAnAnomalyOnlyWhenThePendingExpiryEnds(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            String raw = "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_NEVER_OURS\"}}}";
            assertThat(platform.topups().handleCallback(paid("ws_CO_NEVER_OURS", 10_000, "NLJ7RT61SV"), raw))
                    .isEqualTo(TopupService.CallbackOutcome.HELD);
            assertThat(platform.topups().anomalies().list(true)).isEmpty();
            List<Map<String, Object>> jobs = heldJobs(platform);
            assertThat(jobs).singleElement().satisfies(j -> assertThat(j.get("payload")).isEqualTo("ws_CO_NEVER_OURS"));

            platform.topups().expireHeld("ws_CO_NEVER_OURS");

            assertThat(platform.topups().anomalies().list(false)).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(PaymentAnomalies.UNKNOWN_CHECKOUT);
                assertThat(a.mpesaReceipt()).isEqualTo("NLJ7RT61SV");
                assertThat(a.amount()).isEqualTo(Money.parse("100"));
                assertThat(a.phoneNumber()).isEqualTo("254712345678");
                assertThat(a.rawBody()).isEqualTo(raw);
                assertThat(a.reason()).contains("after 10 min");
            });
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.ZERO);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aLateSuccessAfterAFailureKeepsTheFailureAndAddsTheCreditAsItsOwnEntry(TestDatabase db) {
        ScriptedDaraja daraja = new ScriptedDaraja();
        try (Jumbe platform = platform(db, daraja)) {
            long t = tenant(platform);
            StartedTopup s = platform.topups().initiate(t, Money.parse("300"), "0712345678");
            assertThat(platform.topups().handleCallback(cancelled(s.checkoutRequestId()), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.FAILED);
            assertThat(platform.topups().handleCallback(paid(s.checkoutRequestId(), 30_000, "QKH94M1Z22"), "{}"))
                    .isEqualTo(TopupService.CallbackOutcome.CREDITED_LATE);

            Topup late = platform.topups().find(t, s.transactionId()).orElseThrow();
            assertThat(late.status()).isEqualTo("completed");
            assertThat(late.lateCredit()).isTrue();
            assertThat(late.failureReason()).isEqualTo("cancelled by user (M-Pesa ResultCode 1032)");
            assertThat(late.creditTransactionId()).isNotNull().isNotEqualTo(s.transactionId());

            List<WalletTransaction> history = platform.wallet().transactions().page(t, TransactionFilter.none(), 1, 10);
            assertThat(history).hasSize(2);
            WalletTransaction failure = history.stream().filter(w -> w.id().equals(s.transactionId())).findFirst()
                    .orElseThrow();
            assertThat(failure.status()).isEqualTo("cancelled");
            assertThat(failure.failureReason()).isEqualTo("cancelled by user (M-Pesa ResultCode 1032)");
            assertThat(failure.balanceAfter()).isNull();
            WalletTransaction credit = history.stream().filter(w -> w.id().equals(late.creditTransactionId()))
                    .findFirst().orElseThrow();
            assertThat(credit.type()).isEqualTo("credit");
            assertThat(credit.status()).isEqualTo("completed");
            assertThat(credit.mpesaReceipt()).isEqualTo("QKH94M1Z22");
            assertThat(credit.failureReason()).isNull();
            assertThat(credit.description()).contains(s.transactionId());
            assertThat(credit.balanceBefore()).isEqualTo(Money.ZERO);
            assertThat(credit.balanceAfter()).isEqualTo(Money.parse("300"));
            assertThat(platform.wallet().transactions().count(t, new TransactionFilter(null, null, null, "cancelled",
                    null))).isEqualTo(1);
            assertThat(platform.wallet().balance(t).balance()).isEqualTo(Money.parse("300"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
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
