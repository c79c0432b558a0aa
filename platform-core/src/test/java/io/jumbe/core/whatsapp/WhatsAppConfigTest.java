package io.jumbe.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.core.config.ConfigException;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppConfigTest {

    @Test
    void withNoCredentialsWhatsAppIsSimulatedOnVersion23AtEightyMessagesASecond() {
        JumbeConfig.WhatsApp wa = new ConfigLoader(Map.of()).load().whatsapp();
        assertThat(wa.simulated()).isTrue();
        assertThat(wa.apiVersion()).isEqualTo("v23.0");
        assertThat(wa.maxMps()).isEqualTo(80);
        assertThat(wa.verifyToken()).isEmpty();
    }

    @Test
    void theVerifyTokenMayBeSetAloneOnTheSimulator() {
        JumbeConfig.WhatsApp wa = new ConfigLoader(Map.of("WHATSAPP_VERIFY_TOKEN", "mine")).load().whatsapp();
        assertThat(wa.simulated()).isTrue();
        assertThat(wa.verifyToken()).contains("mine");
    }

    @Test
    void aFullSetOfCredentialsIsReal() {
        JumbeConfig.WhatsApp wa = new ConfigLoader(Map.of("WHATSAPP_BASE_URL", "https://graph.facebook.com",
                "WHATSAPP_ACCESS_TOKEN", "tok", "WHATSAPP_PHONE_NUMBER_ID", "1149", "WHATSAPP_BUSINESS_ACCOUNT_ID", "77",
                "WHATSAPP_APP_SECRET", "s", "WHATSAPP_MAX_MPS", "20")).load().whatsapp();
        assertThat(wa.simulated()).isFalse();
        assertThat(wa.maxMps()).isEqualTo(20);
        assertThat(wa.toString()).doesNotContain("tok");
    }

    @Test
    void aPartialSetOfCredentialsStopsStartUpNamingWhatIsMissing() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("WHATSAPP_BASE_URL", "https://graph.facebook.com")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WHATSAPP_ACCESS_TOKEN").hasMessageContaining("WHATSAPP_PHONE_NUMBER_ID")
                .hasMessageContaining("WHATSAPP_BUSINESS_ACCOUNT_ID").hasMessageContaining("WHATSAPP_APP_SECRET");
    }

    @Test
    void aBadVersionOrRateStopsStartUp() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("WHATSAPP_API_VERSION", "23")).load())
                .hasMessageContaining("WHATSAPP_API_VERSION");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("WHATSAPP_MAX_MPS", "0")).load())
                .hasMessageContaining("WHATSAPP_MAX_MPS");
    }
}
