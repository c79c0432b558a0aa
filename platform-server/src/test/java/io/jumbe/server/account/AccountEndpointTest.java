package io.jumbe.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Money;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.tenant.Tier;
import io.jumbe.core.tenant.TenantUpdate;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /api/{client_id}/account} over HTTP: the settings the platform holds and the mode of the key used. */
class AccountEndpointTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void showsTheTenantsSettingsAsTheyAreNowWithTheLiveKeysMode(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("25.00");
            app.platform().tenants().addSenderId(s.clientId(), "FALLEY-RX");
            app.platform().tenants().update(s.clientId(), new TenantUpdate(Optional.of("Falley Medical Centre"),
                    Optional.empty(), Optional.of(Money.parse("0.80")), Optional.of(Tier.GOLD),
                    Optional.of(Money.parse("500.00")), Optional.empty()));

            Http.Response r = s.get("/account");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"name\":\"Falley Medical Centre\",\"tier\":\"gold\","
                    + "\"rate_limit_per_minute\":300,\"price_per_segment\":0.80,\"currency\":\"KES\","
                    + "\"sender_ids\":[\"FALLEY-MED\",\"FALLEY-RX\"],\"low_balance_threshold\":500.00,\"mode\":\"live\","
                    + "\"whatsapp_prices\":{\"marketing\":3.00,\"utility\":1.00,\"authentication\":1.00,"
                    + "\"service\":0.50}}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aTestKeyReadsTheSameAccountInTestMode(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("25.00");
            String testKey = app.platform().apiKeys().create(s.clientId(), true).secret();

            Http.Response r = app.http().send("GET", s.path("/account"), null, Map.of("X-API-Key", testKey));

            assertThat(r.status()).isEqualTo(200);
            JsonNode account = r.json();
            assertThat(account.get("mode").asText()).isEqualTo("test");
            assertThat(account.get("tier").asText()).isEqualTo("bronze");
            assertThat(account.get("rate_limit_per_minute").asInt()).isEqualTo(60);
            assertThat(account.get("whatsapp_prices").get("marketing").decimalValue()).isEqualByComparingTo("3.00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anotherTenantsAccountIsForbiddenAndRevealsNothing(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("25.00");
            Sender other = app.sender("1.00");

            Http.Response r = app.http().send("GET", other.path("/account"), null, Map.of("X-API-Key", s.apiKey()));

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("forbidden");
            assertThat(r.body()).doesNotContain("Sender ").doesNotContain("FALLEY-MED");
        }
    }
}
