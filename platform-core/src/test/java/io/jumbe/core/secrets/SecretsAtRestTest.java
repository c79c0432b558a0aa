package io.jumbe.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.Jumbe;
import io.jumbe.core.events.EventTypes;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.webhooks.ConfigResult;
import io.jumbe.core.webhooks.RotatedSecret;
import io.jumbe.core.webhooks.WebhookConfigRequest;
import io.jumbe.core.webhooks.WebhookSettings;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretsAtRestTest {
    private static final String URL = "https://hooks.falley.example/jumbe";
    private final SecretBox box = SecretBox.fromBase64(SecretBox.generateKey());

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void webhookSecretsAreStoredEncryptedAndReadBackWithTheKey(TestDatabase db) {
        try (Jumbe platform = platform(db.fresh(), box)) {
            long tenant = tenant(platform);
            ConfigResult created = platform.webhooks().putConfig(tenant,
                    new WebhookConfigRequest(URL, List.of(EventTypes.BALANCE_UPDATED), null));
            String stored = column(platform.jdbi(), "secret", tenant);
            assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain("whsec_");
            assertThat(box.open(stored)).isEqualTo(created.newSecret());

            RotatedSecret rotated = platform.webhooks().rotateSecret(tenant);
            assertThat(column(platform.jdbi(), "secret", tenant)).startsWith(SecretBox.PREFIX);
            assertThat(box.open(column(platform.jdbi(), "secret", tenant))).isEqualTo(rotated.secret());
            assertThat(box.open(column(platform.jdbi(), "previous_secret", tenant))).isEqualTo(created.newSecret());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void plainSecretsOfAnEarlierVersionAreEncryptedAtStart(TestDatabase db) {
        Database shared = db.fresh();
        String legacy = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        long tenant;
        // an earlier version: no key (closing it would close the shared pool, so only its workers are stopped)
        Jumbe before = Jumbe.builder().database(shared).webhookSettings(settings()).build();
        try {
            tenant = tenant(before);
            before.webhooks().putConfig(tenant, new WebhookConfigRequest(URL, null, legacy));
            // the platform generated its token at build; an earlier version had stored it as plain text
            before.jdbi().useHandle(h -> h.execute("UPDATE settings SET setting_value = 'legacy-token' "
                    + "WHERE name = 'MPESA_CALLBACK_TOKEN'"));
            assertThat(column(before.jdbi(), "secret", tenant)).isEqualTo(legacy);
        } finally {
            before.webhooks().close();
        }
        try (Jumbe after = platform(shared, box)) {
            String stored = column(after.jdbi(), "secret", tenant);
            assertThat(stored).startsWith(SecretBox.PREFIX);
            assertThat(box.open(stored)).isEqualTo(legacy);

            assertThat(after.settings().secretToken("MPESA_CALLBACK_TOKEN", Optional.empty())).isEqualTo("legacy-token");
            assertThat(after.settings().get("MPESA_CALLBACK_TOKEN").orElseThrow()).startsWith(SecretBox.PREFIX);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void callbackTokensAreKeptEncryptedAndStayTheSame(TestDatabase db) {
        try (Jumbe platform = platform(db.fresh(), box)) {
            String token = platform.settings().secretToken("ONFON_DLR_TOKEN", Optional.empty());
            String stored = platform.settings().get("ONFON_DLR_TOKEN").orElseThrow();
            assertThat(stored).startsWith(SecretBox.PREFIX).doesNotContain(token);
            assertThat(platform.settings().secretToken("ONFON_DLR_TOKEN", Optional.empty())).isEqualTo(token);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anInstanceWithAnotherKeyRefusesToStart(TestDatabase db) {
        Database shared = db.fresh();
        try (Jumbe first = Jumbe.builder().database(shared).secrets(box).build()) {
            assertThat(first.settings().get("SECRET_KEY_ID")).contains(box.fingerprint());
            SecretBox other = SecretBox.fromBase64(SecretBox.generateKey());
            assertThatThrownBy(() -> Jumbe.builder().database(shared).secrets(other).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("JUMBE_SECRET_KEY");
        }
    }

    private static Jumbe platform(Database database, SecretBox box) {
        return Jumbe.builder().database(database).webhookSettings(settings()).secrets(box).build();
    }

    private static WebhookSettings settings() {
        return WebhookSettings.defaults().withResolver(host -> List.of(java.net.InetAddress.getByName("93.184.216.34")));
    }

    private static long tenant(Jumbe platform) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED"))
                .tenant().id();
    }

    private static String column(Jdbi jdbi, String column, long tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM webhook_configs WHERE tenant_id = :t")
                .bind("t", tenant).mapTo(String.class).one());
    }
}
