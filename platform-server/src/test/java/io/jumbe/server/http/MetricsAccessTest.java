package io.jumbe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: this machine only by default; with {@code METRICS_TOKEN}, whoever presents the token. */
class MetricsAccessTest {

    @Test
    void withoutATokenMetricsAnswerLoopbackAndRefuseAForwardedRequest() {
        try (TestApp app = TestApp.start(TestDatabases.h2())) {
            Http.Response local = app.http().get("/metrics");
            assertThat(local.status()).isEqualTo(200);
            assertThat(local.body()).contains("onfon_dispatch_paused");

            // a reverse proxy on this machine connects from loopback: what it forwarded came from elsewhere
            Http.Response proxied = app.http().send("GET", "/metrics", null, Map.of("X-Forwarded-For", "203.0.113.9"));
            assertThat(proxied.status()).isEqualTo(403);
            assertThat(proxied.json().get("code").asText()).isEqualTo("forbidden");
            assertThat(proxied.body()).doesNotContain("onfon_dispatch_paused");
        }
    }

    @Test
    void withATokenOnlyTheRightBearerTokenReadsMetrics() {
        try (TestApp app = TestApp.start(TestDatabases.h2(), Map.of("METRICS_TOKEN", "m3tr1cs-t0ken"))) {
            Http.Response right = app.http().send("GET", "/metrics", null,
                    Map.of("Authorization", "Bearer m3tr1cs-t0ken", "X-Forwarded-For", "203.0.113.9"));
            assertThat(right.status()).isEqualTo(200);
            assertThat(right.body()).contains("onfon_dispatch_paused");

            Http.Response wrong = app.http().send("GET", "/metrics", null, Map.of("Authorization", "Bearer m3tr1cs-t0kex"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("code").asText()).isEqualTo("unauthorized");
            assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");

            Http.Response missing = app.http().get("/metrics");
            assertThat(missing.status()).as("a token, once set, is needed from loopback too").isEqualTo(401);
            assertThat(missing.body()).doesNotContain("onfon_dispatch_paused");
        }
    }
}
