package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimitTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aBronzeTenantGets60RequestsAMinuteThen429WithRetryAfter(TestDatabase db) throws InterruptedException {
        try (TestApp app = TestApp.start(db, Map.of("RATE_LIMITS", "true"))) {
            Sender bronze = app.sender("10.00");
            Sender other = app.sender("10.00");
            // windows are whole UTC minutes: start early in one so the 61 requests all fall in it
            long intoMinute = System.currentTimeMillis() % 60_000;
            if (intoMinute > 40_000) {
                Thread.sleep(60_000 - intoMinute + 200);
            }
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
        }
    }
}
