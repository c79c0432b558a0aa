package io.jumbe.sdk.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.errors.RateLimitedException;
import io.jumbe.server.testing.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server's per-tier limits as the SDK meets them: headers on every answer, then 429 with Retry-After. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsAgainstServerTest {
    // bronze: 60 a minute; two windows' worth is enough to meet the limit even if a minute turns over mid-loop
    private static final int ENOUGH_CALLS = 130;

    private final InProcessServer server = InProcessServer.start(Map.of("RATE_LIMITS", "true"));

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeaders() {
        Sender sender = server.sender("10.00");
        ResponseRecorder recorder = new ResponseRecorder();
        JumbeClient client = server.clientBuilder(sender)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();

        client.wallet().balance();

        assertThat(recorder.last().header("RateLimit-Limit")).isEqualTo("60");
        assertThat(Integer.parseInt(recorder.last().header("RateLimit-Remaining"))).isBetween(0, 59);
        assertThat(Long.parseLong(recorder.last().header("RateLimit-Reset"))).isBetween(0L, 60L);
    }

    @Test
    void overTheLimitIsARateLimitedExceptionWithTheServersRetryAfter() {
        Sender sender = server.sender("10.00");
        ResponseRecorder recorder = new ResponseRecorder();
        JumbeClient client = server.clientBuilder(sender).maxRetries(0)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();

        RateLimitedException e = callUntilLimited(client);

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("rate_limited");
        assertThat(e.requestId()).startsWith("req_");
        long retryAfter = Long.parseLong(recorder.last().header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(retryAfter));
    }

    @Test
    void theSdkWaitsWhatRetryAfterSaysBeforeItsRetry() {
        Sender sender = server.sender("10.00");
        ResponseRecorder recorder = new ResponseRecorder();
        List<Duration> waits = new ArrayList<>();
        // the sleeper records instead of sleeping, so the retry comes at once and meets the limit again
        JumbeClient client = server.clientBuilder(sender).maxRetries(1).sleeper(waits::add)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build()).build();

        callUntilLimited(client);

        List<ResponseRecorder.Seen> all = recorder.all();
        ResponseRecorder.Seen firstRefusal = all.get(all.size() - 2);
        assertThat(firstRefusal.status()).isEqualTo(429);
        assertThat(recorder.last().status()).isEqualTo(429);
        // (a minute turning over mid-loop may have let one retry through; the last wait is the one that matters)
        assertThat(waits).isNotEmpty().last()
                .isEqualTo(Duration.ofSeconds(Long.parseLong(firstRefusal.header("Retry-After"))));
    }

    private static RateLimitedException callUntilLimited(JumbeClient client) {
        for (int i = 0; i < ENOUGH_CALLS; i++) {
            try {
                client.wallet().balance();
            } catch (RateLimitedException e) {
                return e;
            }
        }
        throw new AssertionError("no 429 after " + ENOUGH_CALLS + " calls");
    }
}
