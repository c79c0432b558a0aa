package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.wallet.Posting;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookServiceTest {
    private static final String URL = "https://hooks.falley.example/jumbe";
    private static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null);
    private static final PageRequest FIRST = PageRequest.page(1, 100);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aDeliveryAndItsJobCommitOrRollBackWithTheBalanceChange(TestDatabase db) throws Exception {
        try (Jumbe platform = platform(db, new FakeDns().answer("hooks.falley.example", "93.184.216.34"))) {
            long tenant = tenant(platform, "100.00");
            platform.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, List.of(EventTypes.BALANCE_UPDATED), null));

            assertThatThrownBy(() -> platform.jdbi().useTransaction(h -> {
                platform.ledger().credit(h, tenant, Money.parse("5.00"), Posting.of("manual_credit", "rolled back"));
                throw new IllegalStateException("the change fails after its event");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(platform.webhooks().deliveries(tenant, ALL, FIRST).total()).isZero();
            assertThat(platform.jobs().depth()).doesNotContainKey(WebhookService.QUEUE);

            platform.wallet().manualCredit(tenant, Money.parse("250.00"), "BANK-1", null, "admin");

            ListPage<Delivery> page = platform.webhooks().deliveries(tenant, ALL, FIRST);
            assertThat(page.total()).isEqualTo(1);
            Delivery delivery = page.items().get(0);
            assertThat(delivery.id()).startsWith("WH-");
            assertThat(delivery.status()).isEqualTo(Delivery.PENDING);
            assertThat(platform.jobs().depth()).containsEntry(WebhookService.QUEUE, 1L);
            String payload = platform.webhooks().delivery(tenant, delivery.id()).payload();
            JsonNode body = Json.mapper().readTree(payload);
            long sequence = platform.events().forTenant(tenant, EventTypes.BALANCE_UPDATED, 1).get(0).sequence();
            assertThat(body.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(body.get("event").asText()).isEqualTo(EventTypes.BALANCE_UPDATED);
            assertThat(payload).contains("\"amount\":250.00").contains("\"new_balance\":350.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void eventsTheTenantDidNotSubscribeToMakeNoDelivery(TestDatabase db) {
        try (Jumbe platform = platform(db, new FakeDns().answer("hooks.falley.example", "93.184.216.34"))) {
            long tenant = tenant(platform, "100.00");
            platform.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, List.of(EventTypes.MESSAGE_DELIVERED), null));

            platform.wallet().manualCredit(tenant, Money.parse("1.00"), "BANK-1", null, "admin");

            assertThat(platform.webhooks().deliveries(tenant, ALL, FIRST).total()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aNameThatResolvesToAPrivateAddressIsRefused(TestDatabase db) {
        try (Jumbe platform = platform(db, new FakeDns().answer("intranet.falley.example", "10.1.2.3"))) {
            long tenant = tenant(platform, "1.00");

            assertThatThrownBy(() -> platform.webhooks().putConfig(tenant,
                    new WebhookConfigRequest("https://intranet.falley.example/hooks", null, null)))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(UrlVerdict.NOT_ALLOWED);
                        assertThat(e.detail()).contains("10.1.2.3");
                    });
            assertThatThrownBy(() -> platform.webhooks().config(tenant))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRotatedOutSecretStaysValidForADay(TestDatabase db) {
        try (Jumbe platform = platform(db, new FakeDns().answer("hooks.falley.example", "93.184.216.34"))) {
            long tenant = tenant(platform, "1.00");
            platform.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, null, null));

            RotatedSecret rotated = platform.webhooks().rotateSecret(tenant);

            assertThat(WebhookSecret.problemWith(rotated.secret())).isEmpty();
            assertThat(platform.webhooks().config(tenant).previousSecretUntil()).isEqualTo(rotated.previousValidUntil());
            assertThat(rotated.previousValidUntil()).isAfter(platform.clock().instant().plus(WebhookService.ROTATION_OVERLAP)
                    .minusSeconds(60));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSubscriptionChangedOnAnotherInstanceAppliesToTheVeryNextEvent(TestDatabase db) {
        FakeDns dns = new FakeDns().answer("hooks.falley.example", "93.184.216.34");
        Database shared = db.fresh();
        try (Jumbe here = Jumbe.builder().database(shared).webhookSettings(WebhookSettings.defaults().withResolver(dns))
                .build();
             Jumbe there = Jumbe.builder().database(shared).webhookSettings(WebhookSettings.defaults().withResolver(dns))
                     .build()) {
            long tenant = tenant(here, "100.00");
            Runnable credit = () -> here.wallet().manualCredit(tenant, Money.parse("1.00"), "BANK-" + System.nanoTime(),
                    null, "admin");

            credit.run(); // no configuration yet: remembered as "nothing subscribed"
            there.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, List.of(EventTypes.BALANCE_UPDATED), null));
            credit.run();
            assertThat(here.webhooks().deliveries(tenant, ALL, FIRST).total()).isEqualTo(1);

            there.webhooks().disable(tenant);
            credit.run();
            assertThat(here.webhooks().deliveries(tenant, ALL, FIRST).total()).isEqualTo(1);

            there.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, List.of(EventTypes.MESSAGE_DELIVERED), null));
            credit.run();
            assertThat(here.webhooks().deliveries(tenant, ALL, FIRST).total()).isEqualTo(1);

            there.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, List.of(EventTypes.BALANCE_UPDATED,
                    EventTypes.MESSAGE_DELIVERED), null));
            credit.run();
            credit.run();
            assertThat(here.webhooks().deliveries(tenant, ALL, FIRST).total()).isEqualTo(3);
        }
    }

    private static Jumbe platform(TestDatabase db, HostResolver dns) {
        return Jumbe.builder().database(db.fresh()).webhookSettings(WebhookSettings.defaults().withResolver(dns)).build();
    }

    private static long tenant(Jumbe platform, String balance) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                .withBalance(Money.parse(balance))).tenant().id();
    }
}
