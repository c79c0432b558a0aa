package io.jumbe.sdk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.MockApi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest {
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
    void summaryReadsTodayAndThisMonthPerChannel() throws Exception {
        api.json(200, "{\"today\":{\"messages_sent\":45,\"cost\":45.00,\"delivered\":43,\"failed\":2,\"by_channel\":"
                + "{\"sms\":{\"messages_sent\":45,\"cost\":45.00,\"delivered\":43,\"failed\":2},\"whatsapp\":"
                + "{\"messages_sent\":0,\"cost\":0.00,\"delivered\":0,\"failed\":0}}},\"this_month\":{\"messages_sent\":1250,"
                + "\"cost\":1250.00,\"top_ups\":3,\"total_topped_up\":5000.00,\"by_channel\":{\"sms\":{\"messages_sent\":1250,"
                + "\"cost\":1250.00},\"whatsapp\":{\"messages_sent\":0,\"cost\":0.00}}}}");

        AnalyticsSummary summary = api.client.analytics().summary();

        assertThat(MockApi.pathAndQuery(api.take())).isEqualTo("/api/2/analytics/summary");
        assertThat(summary.today().delivered()).isEqualTo(43);
        assertThat(summary.today().byChannel().get("sms").cost()).isEqualTo(new BigDecimal("45.00"));
        assertThat(summary.thisMonth().totalToppedUp()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(summary.thisMonth().byChannel().get("whatsapp").delivered()).isNull();
    }

    @Test
    void dailyAsksForTheRangeAndChannelAndReadsEveryDay() throws Exception {
        api.json(200, "{\"data\":[{\"date\":\"2025-10-08\",\"messages_sent\":0,\"messages_delivered\":0,"
                + "\"messages_failed\":0,\"cost\":0.00},{\"date\":\"2025-10-09\",\"messages_sent\":45,"
                + "\"messages_delivered\":43,\"messages_failed\":2,\"cost\":45.00}]}");

        List<DailyUsage> days = api.client.analytics().daily(LocalDate.parse("2025-10-08"),
                LocalDate.parse("2025-10-09"), "sms");

        assertThat(MockApi.pathAndQuery(api.take()))
                .isEqualTo("/api/2/analytics/daily?from=2025-10-08&to=2025-10-09&channel=sms");
        assertThat(days).containsExactly(
                new DailyUsage(LocalDate.parse("2025-10-08"), 0, 0, 0, new BigDecimal("0.00")),
                new DailyUsage(LocalDate.parse("2025-10-09"), 45, 43, 2, new BigDecimal("45.00")));
    }

    @Test
    void aClientSaysWhetherItsKeyIsATestKey() {
        assertThat(api.client.isTestMode()).isTrue();
        JumbeClient live = JumbeClient.builder().apiKey("sk_live_abcdefghijklmnopqrstuvwxyz012345").clientId(2)
                .baseUrl("http://localhost:1").build();
        assertThat(live.isTestMode()).isFalse();
    }
}
