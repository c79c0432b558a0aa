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
