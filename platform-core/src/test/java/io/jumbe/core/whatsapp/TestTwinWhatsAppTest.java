package io.jumbe.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.TenantModes;
import io.jumbe.core.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A test twin prices WhatsApp as its live tenant does, never takes its number, and a reset clears its inbox. */
class TestTwinWhatsAppTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theTwinFollowsTheLivePricesButNotItsNumber(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long live = platform.tenants().create(NewTenant.of("Shule", "bursar@shule.example", "SHULE")).tenant().id();
            platform.whatsapp().setPrices(live, Map.of(Category.MARKETING, Money.parse("4.50")));
            platform.whatsapp().setPhoneNumberId(live, "1098765432");
            long later = platform.tenants().create(NewTenant.of("Duka", "mama@duka.example", "DUKA")).tenant().id();
            platform.whatsapp().setPrices(later, Map.of(Category.UTILITY, Money.parse("1.20")));
            long twin = new TenantModes(platform.jdbi()).testTwinOf(live).orElseThrow();
            long laterTwin = new TenantModes(platform.jdbi()).testTwinOf(later).orElseThrow();

            assertThat(platform.whatsapp().prices(twin)).isEqualTo(platform.whatsapp().prices(live));
            assertThat(platform.whatsapp().prices(twin).marketing()).isEqualTo(Money.parse("4.50"));
            assertThat(platform.whatsapp().prices(laterTwin).utility()).isEqualTo(Money.parse("1.20"));
            assertThat(platform.whatsapp().phoneNumberId(live)).isEqualTo("1098765432");
            assertThat(platform.whatsapp().phoneNumberId(twin)).isNotEqualTo("1098765432");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aSandboxResetClearsTheTwinsInboundMessagesOnly(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long live = platform.tenants().create(NewTenant.of("Shule", "bursar@shule.example", "SHULE")).tenant().id();
            long twin = new TenantModes(platform.jdbi()).testTwinOf(live).orElseThrow();
            inbound(platform, "in_live", live, "wamid.live");
            inbound(platform, "in_test", twin, "wamid.test");

            platform.sandbox().reset(twin);

            List<String> left = platform.jdbi().withHandle(h -> h.createQuery("SELECT id FROM inbound_messages")
                    .mapTo(String.class).list());
            assertThat(left).containsExactly("in_live");
        }
    }

    private static void inbound(Jumbe platform, String id, long tenantId, String wamid) {
        platform.jdbi().useHandle(h -> h.createUpdate("INSERT INTO inbound_messages (id, tenant_id, sender, "
                        + "upstream_message_id, type, body, received_at, created_at) "
                        + "VALUES (:id, :t, '+254700000001', :w, 'text', 'Habari', :at, :at)")
                .bind("id", id).bind("t", tenantId).bind("w", wamid).bind("at", Instant.parse("2026-11-24T08:00:00Z"))
                .execute());
    }
}
