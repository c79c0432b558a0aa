package io.jumbe.sdk.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.MockApi;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private MockApi api;

    @BeforeEach
    void start() throws Exception {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void getReadsTheAccountSettingsAndTheKeyMode() throws Exception {
        api.json(200, "{\"name\":\"Falley Medical Centre\",\"tier\":\"silver\",\"rate_limit_per_minute\":120,"
                + "\"price_per_segment\":0.80,\"currency\":\"KES\",\"sender_ids\":[\"FALLEY-MED\",\"FALLEY\"],"
                + "\"low_balance_threshold\":500.00,\"mode\":\"test\"}");

        Account account = api.client.account().get();

        var request = api.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/2/account");
        assertThat(account).isEqualTo(new Account("Falley Medical Centre", "silver", 120, new BigDecimal("0.80"), "KES",
                java.util.List.of("FALLEY-MED", "FALLEY"), new BigDecimal("500.00"), "test", java.util.Map.of()));
        assertThat(account.isTestMode()).isTrue();
    }

    @Test
    void anAccountCarriesItsWhatsAppPricesByCategory() throws Exception {
        api.json(200, "{\"name\":\"Clinic\",\"tier\":\"bronze\",\"rate_limit_per_minute\":60,\"price_per_segment\":1.00,"
                + "\"currency\":\"KES\",\"sender_ids\":[\"CLINIC\"],\"low_balance_threshold\":100.00,\"mode\":\"live\","
                + "\"whatsapp_prices\":{\"utility\":0.50}}");

        Account account = api.client.account().get();

        assertThat(account.senderIds()).containsExactly("CLINIC");
        assertThat(account.isTestMode()).isFalse();
        assertThat(account.whatsappPrices()).containsEntry("utility", new BigDecimal("0.50"));
    }

    @Test
    void balanceGetsClientBalance() throws Exception {
        api.json(200, "{\"balance\": 12.50, \"currency\": \"KES\", \"units\": 12, \"price_per_unit\": 1.00}");
        assertThat(api.client.account().balance().balance()).isEqualTo(new BigDecimal("12.50"));
        assertThat(api.take().getTarget()).isEqualTo("/api/2/client/balance");
    }

    @Test
    void statisticsGetsTheMonthAtAGlance() throws Exception {
        api.json(200, "{\"period_start\":\"2025-10-01T00:00:00Z\",\"messages_sent\":120,\"messages_delivered\":110,\"messages_failed\":4,"
                + "\"spend\":130.00,\"topups\":1000.00,\"balance\":870.00,\"currency\":\"KES\"}");

        AccountStatistics stats = api.client.account().statistics();

        assertThat(api.take().getTarget()).isEqualTo("/api/2/client/statistics");
        assertThat(stats.messagesDelivered()).isEqualTo(110L);
        assertThat(stats.spend()).isEqualTo(new BigDecimal("130.00"));
        assertThat(stats.periodStart()).isEqualTo(java.time.Instant.parse("2025-10-01T00:00:00Z"));
    }
}
