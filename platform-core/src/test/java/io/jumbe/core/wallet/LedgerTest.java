package io.jumbe.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void twoHundredConcurrentDebitsAgainstFiftyShillingsLetExactlyFiftyThrough(TestDatabase db) throws Exception {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                    .withBalance(Money.parse("50.00"))).tenant().id();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<Boolean>> debits = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                debits.add(() -> platform.jdbi().inTransaction(h -> platform.ledger()
                        .debit(h, tenant, Money.parse("1.00"), Posting.of("sms_charge", "test")).isPresent()));
            }
            int succeeded = 0;
            for (Future<Boolean> f : pool.invokeAll(debits)) {
                succeeded += f.get() ? 1 : 0;
            }
            pool.shutdown();

            assertThat(succeeded).isEqualTo(50);
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.ZERO);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void everyBalanceChangeWritesItsEntryAndEvent(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Shule", "bursar@shule.example", "SHULE")).tenant().id();
            platform.wallet().manualCredit(tenant, Money.parse("500.00"), "bank slip 1", "first deposit", "admin");
            platform.jdbi().useTransaction(h -> platform.ledger().debit(h, tenant, Money.parse("3.00"),
                    Posting.of("sms_charge", "3 segments")));

            var entries = platform.wallet().transactions().page(tenant, TransactionFilter.none(), 1, 10);
            assertThat(entries).extracting(WalletTransaction::type).containsExactly("debit", "credit");
            assertThat(entries.get(0).balanceBefore()).isEqualTo(Money.parse("500.00"));
            assertThat(entries.get(0).balanceAfter()).isEqualTo(Money.parse("497.00"));
            var events = platform.events().forTenant(tenant, EventTypes.BALANCE_UPDATED, 10);
            assertThat(events).hasSize(2);
            assertThat(events.get(0).data()).containsEntry("cause", "sms_charge")
                    .containsEntry("new_balance", new java.math.BigDecimal("497.00"));
            assertThat(events.get(0).sequence()).isGreaterThan(events.get(1).sequence());
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDebitLargerThanTheBalanceChangesNothing(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Duka", "owner@duka.example", "DUKA")
                    .withBalance(Money.parse("2.00"))).tenant().id();
            boolean taken = platform.jdbi().inTransaction(h -> platform.ledger()
                    .debit(h, tenant, Money.parse("2.01"), Posting.of("sms_charge", "too much")).isPresent());
            assertThat(taken).isFalse();
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.parse("2.00"));
            assertThat(platform.wallet().transactions().count(tenant, TransactionFilter.none())).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theJournalRefusesASecondCreditForTheSameCheckoutId(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long tenant = platform.tenants().create(NewTenant.of("Kliniki", "pay@kliniki.example", "KLINIKI")).tenant().id();
            Posting posting = Posting.of("topup", "M-Pesa").withPaymentMethod("mpesa");
            BalanceChange first = platform.jdbi().inTransaction(h -> platform.ledger().creditPayment(h, tenant,
                    Money.parse("1000.00"), posting, new Ledger.Payment(platform.ledger().newTransactionId(),
                            "254712345678", "ws_CO_1", "m-1", "QKH94M1Z11", null)));

            assertThatThrownBy(() -> platform.jdbi().useTransaction(h -> platform.ledger().creditPayment(h, tenant,
                    Money.parse("1000.00"), posting, new Ledger.Payment(platform.ledger().newTransactionId(),
                            "254712345678", "ws_CO_1", "m-1", null, null))))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505"));
            assertThat(first.before()).isEqualTo(Money.ZERO);
            assertThat(first.after()).isEqualTo(Money.parse("1000.00"));
            assertThat(platform.wallet().balance(tenant).balance()).isEqualTo(Money.parse("1000.00"));
            assertThat(platform.wallet().transactions().count(tenant, TransactionFilter.none())).isEqualTo(1);
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
