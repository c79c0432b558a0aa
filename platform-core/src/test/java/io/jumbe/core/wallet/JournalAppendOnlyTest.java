package io.jumbe.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The journal takes inserts only: the database refuses anything else, and no code of ours tries. */
class JournalAppendOnlyTest {

    private static BalanceChange oneCredit(Jumbe platform) {
        long tenant = platform.tenants().create(NewTenant.of("Kliniki", "pay@kliniki.example", "KLINIKI")).tenant().id();
        return platform.jdbi().inTransaction(h -> platform.ledger().credit(h, tenant, Money.parse("500.00"),
                Posting.of("manual_credit", "bank transfer").withPaymentMethod("manual").withReference("SLIP-1")));
    }

    private static String amountOf(Jumbe platform, String id) {
        return platform.jdbi().withHandle(h -> h.createQuery("SELECT amount_cents FROM wallet_transactions WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDirectUpdateOfAJournalEntryIsRefused(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            BalanceChange credit = oneCredit(platform);
            assertThatThrownBy(() -> platform.jdbi().useHandle(h -> h.execute(
                    "UPDATE wallet_transactions SET amount_cents = 50000000 WHERE id = ?", credit.transactionId())))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> platform.jdbi().useHandle(h -> h.execute(
                    "UPDATE wallet_transactions SET description = 'rewritten'")))
                    .hasMessageContaining("append-only");
            assertThat(amountOf(platform, credit.transactionId())).isEqualTo("50000");
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDirectDeleteOfAJournalEntryIsRefused(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            BalanceChange credit = oneCredit(platform);
            assertThatThrownBy(() -> platform.jdbi().useHandle(h -> h.execute(
                    "DELETE FROM wallet_transactions WHERE id = ?", credit.transactionId())))
                    .hasMessageContaining("append-only");
            assertThat(amountOf(platform, credit.transactionId())).isEqualTo("50000");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anEntryWithoutTheBalanceOnEitherSideIsRefused(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            BalanceChange credit = oneCredit(platform);
            assertThatThrownBy(() -> platform.jdbi().useHandle(h -> h.execute("INSERT INTO wallet_transactions (id, "
                    + "tenant_id, type, amount_cents, status, created_at) VALUES ('TXN-X', ?, 'credit', 100, "
                    + "'completed', CURRENT_TIMESTAMP)", credit.tenantId())))
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("wallet_transactions_settled"));
            assertThat(platform.wallet().transactions().count(credit.tenantId(), TransactionFilter.none())).isEqualTo(1);
        }
    }

    private static final Pattern REWRITE = Pattern.compile(
            "(UPDATE\\s+wallet_transactions|DELETE\\s+FROM\\s+wallet_transactions|TRUNCATE\\s+(TABLE\\s+)?wallet_transactions)",
            Pattern.CASE_INSENSITIVE);

    /** The same rule over the code paths: no main source of any module writes the journal other than by INSERT. */
    @Test
    void noCodeOfOursUpdatesOrDeletesJournalEntries() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> mains;
        try (Stream<Path> modules = Files.list(root)) {
            mains = modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).toList();
        }
        assertThat(mains).as("module sources under " + root).hasSizeGreaterThanOrEqualTo(2);
        List<String> offenders = mains.stream().flatMap(JournalAppendOnlyTest::files)
                .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                .filter(p -> !p.toString().contains("db" + java.io.File.separator + "migration"))
                .filter(p -> REWRITE.matcher(read(p)).find())
                .map(Path::toString).toList();
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> files(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
