package io.jumbe.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Daily usage in Nairobi days, kept by counters as messages change, and the reseller's report over them. */
class AnalyticsTest {
    // 23:30 on 9 October in Nairobi (UTC+3), and an hour later: the same UTC day, two Nairobi days
    private static final Instant LATE_EVENING = Instant.parse("2025-10-09T20:30:00Z");
    private static final Instant AFTER_MIDNIGHT = Instant.parse("2025-10-09T21:30:00Z");
    private static final LocalDate OCT_9 = LocalDate.parse("2025-10-09");
    private static final LocalDate OCT_10 = LocalDate.parse("2025-10-10");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void messagesEitherSideOfANairobiMidnightFallOnTwoDays(TestDatabase db) {
        TestClock clock = new TestClock(LATE_EVENING);
        try (Jumbe platform = db.platform(clock)) {
            long id = tenant(platform, "20.00");
            platform.sms().send(id, SendRequest.to("254712345678", "Late"));
            clock.set(AFTER_MIDNIGHT);
            platform.sms().send(id, SendRequest.to("254712345678", "Early"));

            List<Analytics.Day> days = platform.analytics().daily(id, OCT_9, OCT_10, Optional.empty());

            assertThat(days).extracting(Analytics.Day::date).containsExactly(OCT_9, OCT_10);
            assertThat(days).extracting(d -> d.usage().messagesSent()).containsExactly(1L, 1L);
            assertThat(days).extracting(d -> d.usage().cost()).containsExactly(Money.parse("1.00"), Money.parse("1.00"));
            Analytics.Summary summary = platform.analytics().summary(id);
            assertThat(summary.today()).isEqualTo(OCT_10);
            assertThat(summary.todayUsage().total().messagesSent()).isEqualTo(1);
            assertThat(summary.monthUsage().total().messagesSent()).isEqualTo(2);
            assertThat(summary.monthUsage().byChannel()).containsOnlyKeys("sms", "whatsapp");
            // the statistics' "today" starts at Nairobi's midnight too
            assertThat(platform.sms().startOfToday()).isEqualTo(Instant.parse("2025-10-09T21:00:00Z"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRefundLowersTheDaysCost(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2025-10-09T08:00:00Z"));
        try (Jumbe platform = db.platform(clock)) {
            long id = tenant(platform, "20.00");
            platform.sms().send(id, SendRequest.to("254712345678", "Now"));
            String scheduled = platform.sms().send(id, SendRequest.to("254712345678", "Later")
                    .at(clock.instant().plus(Duration.ofHours(2)))).messages().get(0).messageId();
            platform.sms().cancel(id, scheduled);

            Analytics.Day day = platform.analytics().daily(id, OCT_9, OCT_9, Optional.of("sms")).get(0);

            assertThat(day.usage().messagesSent()).isEqualTo(2);
            assertThat(day.usage().cost()).isEqualTo(Money.parse("1.00"));
            assertThat(platform.analytics().daily(id, OCT_9, OCT_9, Optional.of("whatsapp")).get(0).usage())
                    .isEqualTo(new Analytics.Usage(0, 0, 0, Money.ZERO));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDailySeriesHasEveryDayOfTheRangeWithZerosInTheGaps(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2025-10-02T08:00:00Z"));
        try (Jumbe platform = db.platform(clock)) {
            long id = tenant(platform, "20.00");
            platform.sms().send(id, SendRequest.to("254712345678", "One"));
            clock.set(Instant.parse("2025-10-05T08:00:00Z"));
            platform.sms().send(id, SendRequest.to("254712345678", "Two"));

            List<Analytics.Day> days = platform.analytics().daily(id, LocalDate.parse("2025-10-01"),
                    LocalDate.parse("2025-10-06"), Optional.empty());

            assertThat(days).extracting(d -> d.date().getDayOfMonth()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(days).extracting(d -> d.usage().messagesSent()).containsExactly(0L, 1L, 0L, 0L, 1L, 0L);
            assertThatThrownBy(() -> platform.analytics().daily(id, LocalDate.parse("2025-01-01"),
                    LocalDate.parse("2026-01-02"), Optional.empty()))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
            assertThat(platform.analytics().daily(id, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"),
                    Optional.empty())).hasSize(366);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theReportsTotalsEqualTheJournalsAndLeaveTestModeOut(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2025-10-09T08:00:00Z"));
        try (Jumbe platform = db.platform(clock)) {
            long a = tenant(platform, "50.00");
            long b = tenant(platform, "30.00");
            platform.sms().send(a, new SendRequest(List.of("254712345678", "254712345679"), "Bulk", null, null, null,
                    false));
            platform.sms().send(b, SendRequest.to("254712345678", "x".repeat(200)));
            String later = platform.sms().send(b, SendRequest.to("254712345678", "Later")
                    .at(clock.instant().plus(Duration.ofHours(1)))).messages().get(0).messageId();
            platform.sms().cancel(b, later);
            long twin = platform.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenants WHERE live_tenant_id = :t")
                    .bind("t", a).mapTo(Long.class).one());
            platform.sms().send(twin, SendRequest.to("254712345678", "Test mode"));

            Analytics.Report report = platform.analytics().report(OCT_9, OCT_9);

            Map<String, Object> journal = platform.jdbi().withHandle(h -> h.createQuery("SELECT "
                            + "SUM(CASE WHEN w.type = 'debit' THEN w.amount_cents ELSE 0 END) AS debits, "
                            + "SUM(CASE WHEN w.type = 'refund' THEN w.amount_cents ELSE 0 END) AS refunds "
                            + "FROM wallet_transactions w JOIN tenants t ON t.id = w.tenant_id "
                            + "WHERE t.live_tenant_id IS NULL").mapToMap().one());
            assertThat(report.total().charged().cents()).isEqualTo(((Number) journal.get("debits")).longValue());
            assertThat(report.total().refunded().cents()).isEqualTo(((Number) journal.get("refunds")).longValue());
            assertThat(report.total().charged()).isEqualTo(Money.parse("5.00"));
            assertThat(report.total().netRevenue()).isEqualTo(Money.parse("4.00"));
            assertThat(report.tenants()).extracting(Analytics.ReportLine::clientId).containsExactly(a, b);
            assertThat(report.total().byChannel().get("sms").messages()).isEqualTo(4);
            assertThat(report.total().byChannel().get("sms").segments()).isEqualTo(5);
            // nothing went upstream yet (no dispatch ran), so nothing is owed to Onfon
            assertThat(report.total().upstreamCost()).isEqualTo(Money.ZERO);
            assertThat(report.total().margin()).isEqualTo(Money.parse("4.00"));
        }
    }

    private static long tenant(Jumbe platform, String balance) {
        TenantService.Created created = platform.tenants().create(NewTenant.of("Clinic " + System.nanoTime(),
                "ops@clinic.example", "CLINIC").withBalance(Money.parse(balance)));
        return created.tenant().id();
    }
}
