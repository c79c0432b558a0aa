package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing comes before authorisation: a path no endpoint serves is 404 whatever key comes with it. */
class UnknownPathsTest {

    private static Http.Response get(TestApp app, String path, String key) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        return app.http().send("GET", path, null, headers);
    }

    private static void assertNotFound(Http.Response r, String why) {
        assertThat(r.status()).as(why).isEqualTo(404);
        assertThat(r.contentType()).as(why).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).as(why).isEqualTo("not_found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anUnknownPathIsNotFoundWhateverTheKey(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            Sender other = app.sender("10.00");
            assertNotFound(get(app, "/api/nope/nothing", s.apiKey()), "a valid key, no client id");
            assertNotFound(get(app, s.path("/nope/nothing"), s.apiKey()), "a valid key on its own id");
            assertNotFound(get(app, other.path("/nope/nothing"), s.apiKey()), "a valid key on another tenant's id");
            assertNotFound(get(app, s.path("/nope/nothing"), null), "no key");
            assertNotFound(get(app, s.path("/nope/nothing"), "sk_live_not_a_key"), "a bad key");
            assertNotFound(get(app, "/api/nope/nothing", null), "no key, no client id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aKnownPathStillWantsTheRightKey(TestDatabase db) {
        try (TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            Sender other = app.sender("10.00");
            assertThat(get(app, s.path("/client/balance"), null).status()).isEqualTo(401);
            assertThat(get(app, s.path("/client/balance"), "sk_live_not_a_key").status()).isEqualTo(401);
            Http.Response forbidden = get(app, other.path("/client/balance"), s.apiKey());
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.json().get("code").asText()).isEqualTo("forbidden");
            assertThat(get(app, s.path("/client/balance"), s.apiKey()).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void unknownPathsAreNotCountedAsRefusalsButABlockedAddressStaysBlockedOnThem(TestDatabase db) {
        try (TestApp app = TestApp.start(db, Map.of("RATE_LIMITS", "true"))) {
            Sender s = app.sender("10.00");
            for (int i = 0; i < 40; i++) {
                assertNotFound(get(app, s.path("/nope/" + i), "sk_live_guess" + i), "unknown path " + i);
            }
            Http.Response refused = get(app, s.path("/client/balance"), "sk_live_guess");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(Integer.parseInt(refused.header("RateLimit-Remaining")))
                    .as("the 404s used none of the address's refusals (a window may have rolled over, never less)")
                    .isEqualTo(29);

            Http.Response last = null;
            for (int i = 0; i < 62 && (last == null || last.status() != 429); i++) {
                last = get(app, s.path("/client/balance"), "sk_live_more" + i);
            }
            assertThat(last.status()).isEqualTo(429);
            Http.Response unknown = get(app, s.path("/nope/nothing"), "sk_live_guess");
            assertThat(unknown.status()).as("blocked on unknown paths too").isEqualTo(429);
            assertThat(unknown.json().get("code").asText()).isEqualTo("rate_limited");
        }
    }
}
