package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests refused as unauthenticated or forbidden count against the caller's address, and end in 429. */
class RefusedRequestsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void unknownKeysFromOneAddressAreRateLimitedAfter30(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("RATE_LIMITS", "true"))) {
            Sender victim = app.sender("10.00");
            Http.Response first = null;
            for (int i = 0; i < 30; i++) {
                Http.Response r = app.http().send("GET", victim.path("/client/balance"), null,
                        Map.of("X-API-Key", "sk_live_guess" + i));
                assertThat(r.status()).as("refusal " + (i + 1)).isEqualTo(401);
                first = first == null ? r : first;
            }
            assertThat(first.header("RateLimit-Limit")).isEqualTo("30");
            assertThat(first.header("RateLimit-Remaining")).isEqualTo("29");
            // a fixed one-minute window may roll over during the loop above; keep going until the limit bites
            Http.Response limited = null;
            for (int i = 0; i < 31 && limited == null; i++) {
                Http.Response r = app.http().send("GET", victim.path("/client/balance"), null,
                        Map.of("X-API-Key", "sk_live_more" + i));
                if (r.status() == 429) {
                    limited = r;
                } else {
                    assertThat(r.status()).isEqualTo(401);
                }
            }
            assertThat(limited).as("a 429 after 30 refusals").isNotNull();
            assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.header("RateLimit-Limit")).isEqualTo("30");
            assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(Long.parseLong(limited.header("RateLimit-Reset"))).isBetween(1L, 60L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aKeyUsedOnAnotherTenantsIdCountsAsRefused(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("RATE_LIMITS", "true"))) {
            Sender prober = app.sender("10.00");
            Sender other = app.sender("10.00");
            int forbidden = 0;
            Http.Response last = null;
            for (int i = 0; i < 62 && (last == null || last.status() != 429); i++) {
                last = app.http().send("GET", other.path("/client/balance"), null, Map.of("X-API-Key", prober.apiKey()));
                forbidden += last.status() == 403 ? 1 : 0;
            }
            assertThat(last.status()).isEqualTo(429);
            assertThat(forbidden).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudget() {
        try (TestApp app = TestApp.start(io.jumbe.core.testing.TestDatabases.h2(),
                Map.of("RATE_LIMITS", "true", "TRUSTED_PROXIES", "127.0.0.1,::1"))) {
            Sender s = app.sender("10.00");
            Map<String, String> guesser = Map.of("X-API-Key", "sk_live_guess", "X-Forwarded-For", "203.0.113.7");
            Http.Response last = null;
            for (int i = 0; i < 62 && (last == null || last.status() != 429); i++) {
                last = app.http().send("GET", s.path("/client/balance"), null, guesser);
            }
            assertThat(last.status()).isEqualTo(429);
            Http.Response neighbour = app.http().send("GET", s.path("/client/balance"), null,
                    Map.of("X-API-Key", s.apiKey(), "X-Forwarded-For", "198.51.100.4"));
            assertThat(neighbour.status()).as("another client behind the same proxy").isEqualTo(200);
        }
    }

    @Test
    void refusedRequestsAreNotLimitedWhenRateLimitsAreOff() {
        try (TestApp app = TestApp.start(io.jumbe.core.testing.TestDatabases.h2())) {
            Sender s = app.sender("10.00");
            for (int i = 0; i < 40; i++) {
                assertThat(app.http().send("GET", s.path("/client/balance"), null, Map.of("X-API-Key", "sk_live_x"))
                        .status()).isEqualTo(401);
            }
        }
    }
}
