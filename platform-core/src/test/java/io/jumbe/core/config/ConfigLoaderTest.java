package io.jumbe.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.common.Money;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void theEmbeddedDefaultNeedsNoVariables() {
        JumbeConfig c = new ConfigLoader(Map.of()).load();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.database().jdbcUrl()).startsWith("jdbc:h2:file:").contains("AUTO_SERVER=TRUE");
        assertThat(c.onfon().simulated()).isTrue();
        assertThat(c.mpesa().simulated()).isTrue();
        assertThat(c.topupMin()).isEqualTo(Money.parse("100"));
        assertThat(c.dlrExpiry()).isEqualTo(Duration.ofHours(48));
        assertThat(c.publicBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(c.limits()).isEqualTo(new JumbeConfig.Limits(false, Duration.ofSeconds(20), 1024, 8, 2));
    }

    @Test
    void readsTheMailSettingsAndNeverPrintsTheSmtpPassword() {
        JumbeConfig c = new ConfigLoader(Map.of("SMTP_URL", "smtp://jumbe:s3cret@mail.example.co.ke:587",
                "MAIL_FROM", "Jumbe <no-reply@example.co.ke>", "MAIL_REPLY_TO", "support@example.co.ke")).load();
        assertThat(c.mail().smtpUrl()).contains("smtp://jumbe:s3cret@mail.example.co.ke:587");
        assertThat(c.mail().replyTo()).contains("support@example.co.ke");
        assertThat(c.mail().toString()).doesNotContain("s3cret");
        assertThat(new ConfigLoader(Map.of()).load().mail().smtpUrl()).isEmpty();

        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMTP_URL", "http://jumbe:s3cret@mail.example.co.ke")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("SMTP_URL")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("MAIL_FROM", "not an address")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("MAIL_FROM");
    }

    @Test
    void readsTheLimitsOnHostileClients() {
        JumbeConfig c = new ConfigLoader(Map.of("SIMULATORS_PUBLIC", "true", "HTTP_BODY_TIMEOUT", "5s",
                "HTTP_MIN_DATA_RATE", "4096", "TENANT_MAX_IN_FLIGHT", "16", "BULK_MAX_CONCURRENT", "1")).load();
        assertThat(c.limits()).isEqualTo(new JumbeConfig.Limits(true, Duration.ofSeconds(5), 4096, 16, 1));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("TENANT_MAX_IN_FLIGHT", "0")).load())
                .hasMessageContaining("TENANT_MAX_IN_FLIGHT");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HTTP_BODY_TIMEOUT", "soon")).load())
                .hasMessageContaining("HTTP_BODY_TIMEOUT");
    }

    @Test
    void eventsAreKeptNinetyDaysUnlessEventRetentionSaysOtherwise() {
        assertThat(new ConfigLoader(Map.of()).load().eventRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(new ConfigLoader(Map.of("EVENT_RETENTION", "30d")).load().eventRetention())
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("EVENT_RETENTION", "0d")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("EVENT_RETENTION");
    }

    @Test
    void aValueThatDoesNotParseNamesItsVariable() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("DLR_EXPIRY", "two days")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("DLR_EXPIRY");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PORT", "eighty")).load())
                .hasMessageContaining("PORT");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("TOPUP_MIN", "1.005")).load())
                .hasMessageContaining("TOPUP_MIN");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("MPESA_ENV", "live")).load())
                .hasMessageContaining("MPESA_ENV");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("DATABASE_URL", "mysql://x")).load())
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void postgresUrlsInHerokuFormBecomeJdbcWithCredentialsApart() {
        var db = ConfigLoader.parseDatabaseUrl("postgres://jumbe:s%40cret@db.internal:5433/jumbe?sslmode=require");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/jumbe?sslmode=require");
        assertThat(db.user()).isEqualTo("jumbe");
        assertThat(db.password()).isEqualTo("s@cret");
        assertThat(db.toString()).doesNotContain("s@cret");
        assertThat(db.isPostgres()).isTrue();
    }

    @Test
    void productionMpesaNeedsItsCredentials() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("MPESA_ENV", "production")).load())
                .hasMessageContaining("MPESA_CONSUMER_KEY");
    }
}
