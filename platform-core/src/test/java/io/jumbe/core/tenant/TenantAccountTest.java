package io.jumbe.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.common.ServiceException;
import io.jumbe.core.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sender's own view of its account, as {@code GET /account} shows it. */
class TenantAccountTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theAccountFollowsTheSettingsAndTheTiersRateLimit(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = platform.tenants().create(NewTenant.of("Shule", "bursar@shule.example", "SHULE")
                    .withTier(Tier.SILVER).withPrice(Money.parse("0.90"))).tenant().id();
            platform.tenants().addSenderId(id, "SHULE-FEES");
            platform.tenants().update(id, new TenantUpdate(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Tier.PLATINUM), Optional.of(Money.parse("250.00")), Optional.empty()));

            Account account = platform.tenants().account(id, "test");

            assertThat(account).isEqualTo(new Account("Shule", Tier.PLATINUM, 1000, Money.parse("0.90"),
                    List.of("SHULE", "SHULE-FEES"), Money.parse("250.00"), "test"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnknownSenderHasNoAccountAndAnUnknownKeyModeIsRefused(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            long id = platform.tenants().create(NewTenant.of("Shule", "bursar@shule.example", "SHULE")).tenant().id();

            assertThatThrownBy(() -> platform.tenants().account(id + 1000, "live"))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
            assertThatThrownBy(() -> platform.tenants().account(id, "sandbox"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
