package io.jumbe.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.sms.HistoryFilter;
import io.jumbe.core.sms.Message;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.TransactionFilter;
import io.jumbe.core.wallet.WalletTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cursor paging ({@code starting_after}) over the tenant lists, on H2 and PostgreSQL. */
class NewestFirstPagingTest {
    private static final HistoryFilter ALL_MESSAGES = new HistoryFilter(null, null, null, null, null);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void pagingByCursorWhileMessagesArriveYieldsExactlyTheEarlierMessagesOnce(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T07:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = tenant(platform, "1000.00");
            // Three bulk sends: each batch of 100 shares one created_at, so the id breaks the ties.
            for (int batch = 0; batch < 3; batch++) {
                platform.sms().send(tenant, bulk(batch * 100, 100));
                clock.advance(Duration.ofSeconds(1));
            }
            Set<String> before = new HashSet<>(ids(platform.sms().history(tenant, ALL_MESSAGES,
                    PageRequest.page(1, 100)).items()));
            before.addAll(ids(platform.sms().history(tenant, ALL_MESSAGES, PageRequest.page(2, 100)).items()));
            before.addAll(ids(platform.sms().history(tenant, ALL_MESSAGES, PageRequest.page(3, 100)).items()));
            assertThat(before).hasSize(300);

            List<String> seen = new ArrayList<>();
            ListPage<Message> page = platform.sms().history(tenant, ALL_MESSAGES, PageRequest.page(1, 50));
            int sent = 0;
            while (true) {
                seen.addAll(ids(page.items()));
                // 100 more arrive while the caller pages: 20 after each of the first five pages.
                for (int i = 0; i < 20 && sent < 100; i++, sent++) {
                    clock.advance(Duration.ofMillis(7));
                    platform.sms().send(tenant, SendRequest.to(number(1000 + sent), "Reminder " + sent));
                }
                if (!page.hasMore()) {
                    break;
                }
                String last = page.items().get(page.items().size() - 1).id();
                page = platform.sms().history(tenant, ALL_MESSAGES, PageRequest.after(last, 50));
            }

            assertThat(sent).isEqualTo(100);
            assertThat(seen).doesNotHaveDuplicates().hasSize(300);
            assertThat(new HashSet<>(seen)).isEqualTo(before);
            assertThat(page.total()).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void numberedPagesSayWhetherMoreFollow(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long tenant = tenant(platform, "100.00");
            platform.sms().send(tenant, bulk(0, 5));

            ListPage<Message> first = platform.sms().history(tenant, ALL_MESSAGES, PageRequest.page(1, 2));
            ListPage<Message> last = platform.sms().history(tenant, ALL_MESSAGES, PageRequest.page(3, 2));
            ListPage<Message> exact = platform.sms().history(tenant, ALL_MESSAGES, PageRequest.page(1, 5));

            assertThat(first.items()).hasSize(2);
            assertThat(first.hasMore()).isTrue();
            assertThat(last.items()).hasSize(1);
            assertThat(last.hasMore()).isFalse();
            assertThat(exact.hasMore()).isFalse();
            assertThat(exact.total()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aCursorKeepsTheFilter(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T07:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = tenant(platform, "100.00");
            List<String> tagged = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofSeconds(1));
                SendRequest send = SendRequest.to(number(i), "Hello " + i);
                String id = platform.sms().send(tenant, i % 2 == 0 ? send.withReference("ward-7") : send)
                        .messages().get(0).messageId();
                if (i % 2 == 0) {
                    tagged.add(0, id);
                }
            }
            HistoryFilter ward = new HistoryFilter(null, null, "ward-7", null, null);

            ListPage<Message> after = platform.sms().history(tenant, ward, PageRequest.after(tagged.get(1), 10));

            assertThat(ids(after.items())).containsExactlyElementsOf(tagged.subList(2, 5));
            assertThat(after.hasMore()).isFalse();
            assertThat(after.total()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void refusesACursorThatIsNotOneOfTheTenantsItems(TestDatabase db) {
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).build()) {
            long mine = tenant(platform, "100.00");
            long theirs = platform.tenants().create(NewTenant.of("Kisumu School", "bursar@kisumu.example", "KISUMU-SCH")
                    .withBalance(Money.parse("100.00"))).tenant().id();
            String theirMessage = platform.sms().send(theirs, SendRequest.to(number(1), "Hi")).messages().get(0).messageId();

            for (String cursor : List.of(theirMessage, "MSG-NOSUCHMESSAGE")) {
                assertThatThrownBy(() -> platform.sms().history(mine, ALL_MESSAGES, PageRequest.after(cursor, 10)))
                        .isInstanceOfSatisfying(ServiceException.class, e -> {
                            assertThat(e.code()).isEqualTo("validation_failed");
                            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("starting_after");
                        });
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void walletTransactionsPageByCursorThroughTheSameOrder(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T07:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = tenant(platform, "100.00");
            for (int i = 0; i < 7; i++) {
                platform.wallet().manualCredit(tenant, Money.parse("10.00"), "BANK-" + i, null, "admin");
                if (i % 3 == 0) {
                    clock.advance(Duration.ofSeconds(1));
                }
            }
            TransactionFilter all = new TransactionFilter(null, null, null, null, null);
            List<String> expected = ids(platform.wallet().transactions().page(tenant, all, PageRequest.page(1, 100)));

            List<String> seen = new ArrayList<>();
            ListPage<WalletTransaction> page = platform.wallet().transactions().page(tenant, all, PageRequest.page(1, 3));
            seen.addAll(page.items().stream().map(WalletTransaction::id).toList());
            while (page.hasMore()) {
                page = platform.wallet().transactions().page(tenant, all,
                        PageRequest.after(seen.get(seen.size() - 1), 3));
                seen.addAll(page.items().stream().map(WalletTransaction::id).toList());
            }

            assertThat(expected).hasSizeGreaterThanOrEqualTo(7);
            assertThat(seen).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::id).toList();
    }

    private static List<String> ids(ListPage<WalletTransaction> page) {
        return page.items().stream().map(WalletTransaction::id).toList();
    }

    private static SendRequest bulk(int first, int count) {
        List<String> to = IntStream.range(first, first + count).mapToObj(NewestFirstPagingTest::number).toList();
        return new SendRequest(to, "Clinic reminder", null, null, null, false);
    }

    private static String number(int i) {
        return String.format("2547%02d%06d", 10 + i % 80, 100000 + i);
    }

    private static long tenant(Jumbe platform, String balance) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                .withBalance(Money.parse(balance))).tenant().id();
    }
}
