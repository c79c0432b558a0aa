package io.jumbe.core.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.Jumbe;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyFormatTest {

    @Test
    void keysCarryTheirModeAndAChecksumAScannerCanVerifyOffline() {
        ApiKeyFormat format = new ApiKeyFormat();
        String live = format.generate(false);
        String test = format.generate(true);
        assertThat(live).startsWith("sk_live_").hasSize(8 + 43 + 6);
        assertThat(test).startsWith("sk_test_");
        assertThat(ApiKeyFormat.looksValid(live)).isTrue();
        assertThat(ApiKeyFormat.looksValid(test)).isTrue();
        char last = live.charAt(live.length() - 1);
        String tampered = live.substring(0, live.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThat(ApiKeyFormat.looksValid(tampered)).isFalse();
        assertThat(ApiKeyFormat.looksValid("sk_live_short")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theKeysTableHoldsOnlyHashes(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            var created = platform.tenants().create(NewTenant.of("Hosp", "it@hosp.example", "HOSP"));
            var second = platform.apiKeys().create(created.tenant().id(), true);
            var rows = platform.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_keys").mapToMap().list());
            // the live key and the test key every sender gets, and the second one
            assertThat(rows).hasSize(3);
            for (var row : rows) {
                for (Object v : row.values()) {
                    assertThat(String.valueOf(v)).doesNotContain(created.key().secret()).doesNotContain(second.secret())
                            .doesNotContain(created.testKey().secret())
                            .doesNotContain(created.key().secret().substring(16));
                }
            }
            assertThat(platform.apiKeys().authenticate(created.key().secret())).isPresent();
            assertThat(platform.apiKeys().authenticate(second.secret()).orElseThrow().mode()).isEqualTo("test");
        }
    }
}
