package io.jumbe.core.payments.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DarajaConfigTest {

    private static DarajaConfig config(MpesaEnvironment env, String simulatorUrl) {
        return DarajaConfig.forEnvironment(env, simulatorUrl, "key-123", "secret-456", DarajaConfig.SANDBOX_PASSKEY,
                "174379", null, DarajaTransactionType.CUSTOMER_PAY_BILL_ONLINE, "https://example.test/cb/tok", null);
    }

    @Test
    void simulatorUsesTheGivenBaseUrl() {
        assertThat(config(MpesaEnvironment.SIMULATOR, "http://localhost:8080/simulators/daraja/").baseUrl())
                .isEqualTo("http://localhost:8080/simulators/daraja");
    }

    @Test
    void sandboxAndProductionUseSafaricomHosts() {
        assertThat(config(MpesaEnvironment.SANDBOX, "http://ignored").baseUrl()).isEqualTo("https://sandbox.safaricom.co.ke");
        assertThat(config(MpesaEnvironment.PRODUCTION, null).baseUrl()).isEqualTo("https://api.safaricom.co.ke");
    }

    @Test
    void simulatorWithoutBaseUrlIsRefused() {
        assertThatThrownBy(() -> config(MpesaEnvironment.SIMULATOR, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsMpesaEnv() {
        assertThat(MpesaEnvironment.fromEnv("Sandbox")).isEqualTo(MpesaEnvironment.SANDBOX);
        assertThat(MpesaEnvironment.fromEnv(null)).isEqualTo(MpesaEnvironment.SIMULATOR);
        assertThatThrownBy(() -> MpesaEnvironment.fromEnv("live")).hasMessageContaining("MPESA_ENV");
    }

    @Test
    void readsTransactionType() {
        assertThat(DarajaTransactionType.fromWireName("CustomerBuyGoodsOnline"))
                .isEqualTo(DarajaTransactionType.CUSTOMER_BUY_GOODS_ONLINE);
        assertThatThrownBy(() -> DarajaTransactionType.fromWireName("Paybill"))
                .hasMessageContaining("MPESA_TRANSACTION_TYPE");
    }

    @Test
    void partyBDefaultsToTheShortcode() {
        assertThat(config(MpesaEnvironment.SANDBOX, null).partyB()).isEqualTo("174379");
    }

    @Test
    void toStringKeepsSecretsOut() {
        String text = config(MpesaEnvironment.SANDBOX, null).toString();

        assertThat(text).doesNotContain("key-123", "secret-456", DarajaConfig.SANDBOX_PASSKEY, "/cb/tok");
    }
}
