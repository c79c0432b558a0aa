package io.jumbe.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Money;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.sms.SendRequest;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.store.Database;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL, both dispatching to one simulator under {@code ONFON_MAX_TPS}: the cap is the
 * platform's, so together they take at least as long as the cap allows (two instances each keeping a cap of their
 * own would take half as long), and no request carries more than a tenth of a second's worth.
 */
class SharedUpstreamCapTest {
    private static final int TPS = 20;
    private static final int MESSAGES = 60;

    private static HikariDataSource pool(String url, String user) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setMaximumPoolSize(10);
        return ds;
    }

    private static Jumbe instance(String url, String user, OnfonSimulator.Running onfon) {
        return Jumbe.builder().database(Database.adopt(pool(url, user)))
                .config(new ConfigLoader(Map.of("ONFON_MAX_TPS", Integer.toString(TPS))).load())
                .onfon(onfon::clientConfig).smsTuning(SmsTuning.fast()).build();
    }

    @Test
    void twoInstancesStayUnderOneSharedCap() {
        HikariDataSource fresh = (HikariDataSource) TestDatabases.postgres().freshDataSource();
        String url = fresh.getJdbcUrl();
        String user = fresh.getUsername();
        fresh.close();
        try (OnfonSimulator.Running onfon = OnfonSimulator.start(0);
             Jumbe first = instance(url, user, onfon); Jumbe second = instance(url, user, onfon)) {
            long tenant = first.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY")
                    .withBalance(Money.parse("1000"))).tenant().id();
            first.start();
            second.start();
            Instant before = Instant.now();
            for (int i = 0; i < MESSAGES; i++) {
                first.sms().send(tenant, SendRequest.to("254712" + (100000 + i * 10 + 7), "Your code is " + i));
            }
            Eventually.until("all sent", Duration.ofSeconds(60), () -> onfon.simulator().submitted().size() == MESSAGES);

            List<OnfonSimulator.Arrival> arrivals = onfon.simulator().arrivals();
            assertThat(arrivals).allSatisfy(a -> assertThat(a.messages()).isLessThanOrEqualTo(TPS / 10));
            Instant last = arrivals.get(arrivals.size() - 1).at();
            // the last request's slot starts (MESSAGES - TPS / 10) / TPS seconds after the first booking
            assertThat(Duration.between(before, last))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000L * (MESSAGES - TPS / 10) / TPS));
            assertThat(first.smsDispatcher().sentCount()).isPositive();
            assertThat(second.smsDispatcher().sentCount()).isPositive();
        }
    }
}
