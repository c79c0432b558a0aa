package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestClock;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimitTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBronzeTenantGets60RequestsAMinuteThen429WithRetryAfter(TestDatabase db) {
        // Windows are whole UTC minutes: a clock standing early in one keeps the 61 requests in it.
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(5));
        try (TestApp app = TestApp.start(db, Map.of("RATE_LIMITS", "true"), clock)) {
            Sender bronze = app.sender("10.00");
            Sender other = app.sender("10.00");
            Http.Response last = null;
            for (int i = 0; i < 60; i++) {
                last = bronze.get("/client/balance");
                if (last.status() != 200) {
                    break;
                }
            }
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.header("RateLimit-Limit")).isEqualTo("60");
            assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
            var limited = bronze.get("/client/balance");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(other.get("/client/balance").status()).as("another tenant is not limited").isEqualTo(200);

            clock.advance(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))));
            assertThat(bronze.get("/client/balance").status()).as("the next minute's window").isEqualTo(200);
        }
    }
}
