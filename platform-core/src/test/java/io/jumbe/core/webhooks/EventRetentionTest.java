package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.events.DomainEvent;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventRetentionTest {
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null);
    private static final PageRequest FIRST_100 = PageRequest.page(1, 100);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void oldEventsAndFinishedDeliveriesGoInBatchesWhilePendingDeliveriesStay(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2025-01-10T08:00:00Z"));
        FakeDns dns = new FakeDns().answer("hooks.falley.example", "93.184.216.34");
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock)
                .webhookSettings(WebhookSettings.defaults().withResolver(dns)).build()) {
            long tenant = platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                    .withBalance(Money.parse("100.00"))).tenant().id();
            platform.webhooks().putConfig(tenant, new WebhookConfigRequest("https://hooks.falley.example/jumbe",
                    List.of(EventTypes.BALANCE_UPDATED), null));
            platform.wallet().manualCredit(tenant, Money.parse("1.00"), "BANK-1", null, "admin");
            platform.wallet().manualCredit(tenant, Money.parse("2.00"), "BANK-2", null, "admin");
            platform.wallet().manualCredit(tenant, Money.parse("3.00"), "BANK-3", null, "admin");
            List<Delivery> old = platform.webhooks().deliveries(tenant, ALL, FIRST_100).items().stream()
                    .sorted(Comparator.comparing(Delivery::id)).toList();
            assertThat(old).hasSize(3);
            // The oldest is still owed to the receiver (the purge must walk past it); the other two finished long
            // ago, one with its attempt log.
            platform.jdbi().useHandle(h -> {
                h.execute("UPDATE webhook_deliveries SET status = 'succeeded' WHERE id = ?", old.get(1).id());
                h.execute("UPDATE webhook_deliveries SET status = 'failed' WHERE id = ?", old.get(2).id());
                h.execute("INSERT INTO webhook_attempts (delivery_id, attempted_at, http_status, latency_ms, succeeded) "
                        + "VALUES (?, ?, 200, 12, TRUE)", old.get(1).id(), clock.instant());
            });
            Instant cutoff = clock.instant().plus(Duration.ofDays(1));

            clock.advance(RETENTION.plus(Duration.ofDays(1)));
            platform.wallet().manualCredit(tenant, Money.parse("4.00"), "BANK-4", null, "admin");
            clock.advance(Duration.ofHours(1));

            int events = platform.events().purgeOlderThan(RETENTION, 2);
            int deliveries = platform.webhooks().purgeOlderThan(RETENTION, 1);

            assertThat(events).as("the old credits' events, several batches").isGreaterThanOrEqualTo(3);
            List<DomainEvent> left = platform.events().forTenant(tenant, null, 100);
            assertThat(left).isNotEmpty().allSatisfy(e -> assertThat(e.createdAt()).isAfter(cutoff));
            assertThat(deliveries).isEqualTo(2);
            assertThat(platform.webhooks().deliveries(tenant, ALL, FIRST_100).items()).extracting(Delivery::id)
                    .contains(old.get(0).id()).doesNotContain(old.get(1).id(), old.get(2).id()).hasSize(2);
            int attempts = platform.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_attempts")
                    .mapTo(Integer.class).one());
            assertThat(attempts).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void nothingYoungerThanTheRetentionIsDeleted(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2025-01-10T08:00:00Z"));
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            long tenant = platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                    .withBalance(Money.parse("100.00"))).tenant().id();
            platform.wallet().manualCredit(tenant, Money.parse("1.00"), "BANK-1", null, "admin");
            int before = platform.events().forTenant(tenant, null, 100).size();
            clock.advance(RETENTION.minus(Duration.ofMinutes(1)));

            assertThat(platform.events().purgeOlderThan(RETENTION, 1000)).isZero();
            assertThat(platform.events().forTenant(tenant, null, 100)).hasSize(before);
        }
    }
}
