package io.jumbe.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.errors.ServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class JumbeClientTest {

    @Test
    void buildRequiresKeyClientIdAndBaseUrl() {
        assertThatThrownBy(() -> JumbeClient.builder().clientId(2).baseUrl("http://localhost").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> JumbeClient.builder().apiKey("k").baseUrl("http://localhost").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> JumbeClient.builder().apiKey("k").clientId(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> JumbeClient.builder().baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheKey() {
        JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2).baseUrl("http://localhost:1").build();
        assertThat(client.toString()).doesNotContain(MockApi.KEY).contains("clientId=2");
    }

    @Test
    void sendsRequestsThroughTheCallersOkHttpClientWithAVersionedUserAgent() throws Exception {
        List<String> seen = new ArrayList<>();
        OkHttpClient custom = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                }).build();
        try (MockApi api = new MockApi()) {
            JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2)
                    .baseUrl(api.server.url("/").toString()).httpClient(custom).build();
            api.json(200, "{\"balance\":1.00,\"currency\":\"KES\",\"units\":1,\"price_per_unit\":1.00}");

            client.account().balance();

            assertThat(seen).containsExactly("/api/2/client/balance");
            assertThat(api.take().getHeaders().get("User-Agent")).isEqualTo("jumbe-java/" + builtVersion());
        }
    }

    @Test
    void theCallersInterceptorsSeeEveryAttemptWithTheSameIdempotencyKey() throws Exception {
        List<String> keys = new ArrayList<>();
        OkHttpClient custom = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    keys.add(chain.request().header("Idempotency-Key"));
                    return chain.proceed(chain.request());
                }).build();
        try (MockApi api = new MockApi()) {
            JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2).maxRetries(1)
                    .baseUrl(api.server.url("/").toString()).httpClient(custom).sleeper(d -> { }).build();
            api.problem(503, "service_unavailable", null, null);
            api.problem(503, "service_unavailable", null, null);
            api.problem(503, "service_unavailable", null, null);

            assertThatThrownBy(() -> client.webhooks().rotateSecret()).isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((ServerException) e).requestId()).isEqualTo("req_503"));

            // one retry, in the SDK's one loop, with the key chosen before it
            assertThat(api.server.getRequestCount()).isEqualTo(2);
            assertThat(keys).hasSize(2).doesNotContainNull();
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
        }
    }

    @Test
    void theUserAgentCarriesTheVersionTheSdkWasBuiltAs() throws Exception {
        try (MockApi api = new MockApi()) {
            JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2)
                    .baseUrl(api.server.url("/").toString()).build();
            api.json(200, "{\"balance\":1.00,\"currency\":\"KES\",\"units\":1,\"price_per_unit\":1.00}");

            client.account().balance();

            assertThat(JumbeClient.version()).isEqualTo(builtVersion());
            assertThat(api.take().getHeaders().get("User-Agent")).isEqualTo("jumbe-java/" + builtVersion());
        }
    }

    /** The project version the build filtered into the SDK (-Drevision=… in a release), passed in by the pom. */
    private static String builtVersion() {
        String v = System.getProperty("jumbe.sdk.version");
        assertThat(v).as("jumbe.sdk.version, set by sdk-java/pom.xml").isNotBlank().doesNotContain("${");
        return v;
    }

    @Test
    void loggingPrintsMethodPathAndStatusButNeverTheKey() throws Exception {
        Logger logger = Logger.getLogger("io.jumbe.sdk");
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (MockApi api = new MockApi()) {
            JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2)
                    .baseUrl(api.server.url("/").toString()).logging(true).build();
            api.json(200, "{\"balance\":1.00,\"currency\":\"KES\",\"units\":1,\"price_per_unit\":1.00}");

            client.account().balance();

            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("GET /api/2/client/balance -> 200").doesNotContain(MockApi.KEY);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void loggingIsOffByDefault() throws Exception {
        Logger logger = Logger.getLogger("io.jumbe.sdk");
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (MockApi api = new MockApi()) {
            api.json(200, "{\"balance\":1.00,\"currency\":\"KES\",\"units\":1,\"price_per_unit\":1.00}");
            api.client.account().balance();
            assertThat(lines).isEmpty();
        } finally {
            logger.removeHandler(handler);
        }
    }
}
