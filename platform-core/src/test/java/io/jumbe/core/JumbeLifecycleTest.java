package io.jumbe.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What building, starting and closing the platform does to the resources around it. */
class JumbeLifecycleTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static JumbeConfig withAnOnfonAccount(Map<String, String> more) {
        var env = new java.util.HashMap<>(Map.of("ONFON_BASE_URL", "http://127.0.0.1:9",
                "ONFON_ACCESS_KEY", "access", "ONFON_API_KEY", "api", "ONFON_CLIENT_ID", "client"));
        env.putAll(more);
        return new ConfigLoader(env).load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void closingLeavesTheCallersDataSourceOpenAndUsable(TestDatabase db) throws Exception {
        try (HikariDataSource pool = (HikariDataSource) db.freshDataSource()) {
            Jumbe platform = Jumbe.builder().dataSource(pool).config(withAnOnfonAccount(Map.of())).build();
            platform.start();
            platform.close();

            assertThat(pool.isClosed()).isFalse();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tenants")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void theTokensOfTheCallbackUrlsAreGeneratedOnceAndKept(TestDatabase db) {
        try (HikariDataSource pool = (HikariDataSource) db.freshDataSource()) {
            String dlr;
            String mpesa;
            try (Jumbe first = Jumbe.builder().dataSource(pool).build()) {
                dlr = first.onfonDlrToken();
                mpesa = first.mpesaCallbackToken();
            }
            try (Jumbe again = Jumbe.builder().dataSource(pool).build()) {
                assertThat(again.onfonDlrToken()).isEqualTo(dlr).hasSizeGreaterThan(20);
                assertThat(again.mpesaCallbackToken()).isEqualTo(mpesa).isNotEqualTo(dlr);
            }
        }
    }

    @Test
    void aPoolOpenedFromTheConfigIsClosedWithThePlatform() {
        JumbeConfig config = withAnOnfonAccount(Map.of("DATABASE_URL", "jdbc:h2:mem:lifecycle"
                + COUNTER.incrementAndGet() + ";" + ConfigLoader.H2_OPTIONS + ";DB_CLOSE_DELAY=-1"));
        Jumbe platform = Jumbe.builder().config(config).poolSize(2).build();
        HikariDataSource opened = (HikariDataSource) platform.database().dataSource();
        assertThat(platform.tenants().count()).isZero();

        platform.close();

        assertThat(opened.isClosed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void startRefusesWhenNoOnfonAccountIsKnownSoThatNoSmsWaitsForever(TestDatabase db) {
        try (Jumbe platform = db.platform()) {
            assertThatThrownBy(platform::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no Onfon account");
        }
    }

    @Test
    void aStoppedPlatformDoesNotStartAgain() {
        try (Jumbe platform = Jumbe.builder().config(withAnOnfonAccount(Map.of("DATABASE_URL", "jdbc:h2:mem:stopped"
                + COUNTER.incrementAndGet() + ";" + ConfigLoader.H2_OPTIONS + ";DB_CLOSE_DELAY=-1"))).build()) {
            platform.start();
            platform.stop();
            assertThatThrownBy(platform::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
