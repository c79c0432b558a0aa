package io.jumbe.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.errors.ConnectionException;
import io.jumbe.sdk.errors.JumbeException;
import io.jumbe.sdk.errors.RateLimitedException;
import io.jumbe.sdk.errors.ServerException;
import io.jumbe.sdk.errors.ValidationException;
import io.jumbe.sdk.sms.SendSmsParams;
import io.jumbe.sdk.wallet.Balance;
import io.jumbe.sdk.wallet.TopUpParams;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final String SENT = "{\"status\":\"queued\",\"message_id\":\"MSG-1\",\"segments\":1,\"cost\":1.00,\"balance\":9.00}";
    private MockApi api;

    @BeforeEach
    void start() throws Exception {
        api = new MockApi(3);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static SendSmsParams sms() {
        return SendSmsParams.builder().recipient("0712345678").message("Hi").build();
    }

    @Test
    void retriesA503AndSendsTheSameIdempotencyKeyEachTime() throws Exception {
        api.problem(503, "service_unavailable", null, null);
        api.json(202, SENT);

        assertThat(api.client.sms().send(sms()).messageId()).isEqualTo("MSG-1");

        RecordedRequest first = api.take();
        RecordedRequest second = api.take();
        assertThat(first.getHeaders().get("Idempotency-Key")).isNotBlank()
                .isEqualTo(second.getHeaders().get("Idempotency-Key"));
        assertThat(MockApi.body(first)).isEqualTo(MockApi.body(second));
        assertThat(api.sleeps).hasSize(1);
    }

    @Test
    void everyCallThatChangesStateSendsOneIdempotencyKeyAcrossItsRetries() throws Exception {
        String config = "{\"webhook_url\":\"https://crm.example.com/hooks\",\"events\":[\"balance.updated\"],"
                + "\"enabled\":true,\"webhook_secret\":\"whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD\"}";
        api.problem(503, "service_unavailable", null, null);
        api.json(200, config);
        api.client.webhooks().putConfig(io.jumbe.sdk.webhooks.WebhookConfigParams.builder()
                .webhookUrl("https://crm.example.com/hooks").addEvent("balance.updated").build());
        api.problem(503, "service_unavailable", null, null);
        api.json(200, config);
        api.client.webhooks().deleteConfig();
        api.problem(503, "service_unavailable", null, null);
        api.json(200, "{\"message_id\":\"MSG-1\",\"status\":\"cancelled\",\"segments\":1,\"refunded\":true}");
        api.client.sms().cancel("MSG-1");

        for (String call : new String[] {"PUT /webhooks/config", "DELETE /webhooks/config", "DELETE /sms/MSG-1"}) {
            RecordedRequest first = api.take();
            RecordedRequest retried = api.take();
            assertThat(first.getMethod() + " " + MockApi.pathAndQuery(first)).endsWith(call.split(" ")[1])
                    .startsWith(call.split(" ")[0]);
            assertThat(first.getHeaders().get("Idempotency-Key")).as(call).isNotBlank()
                    .isEqualTo(retried.getHeaders().get("Idempotency-Key"));
        }
    }

    @Test
    void aCallersKeyGoesOnAWebhookConfiguration() throws Exception {
        api.json(200, "{\"webhook_url\":\"https://crm.example.com/hooks\",\"events\":[\"balance.updated\"],"
                + "\"enabled\":true}");
        api.client.webhooks().putConfig(io.jumbe.sdk.webhooks.WebhookConfigParams.builder()
                .webhookUrl("https://crm.example.com/hooks").addEvent("balance.updated").build(),
                RequestOptions.idempotencyKey("crm-hooks-2025-10"));
        assertThat(api.take().getHeaders().get("Idempotency-Key")).isEqualTo("crm-hooks-2025-10");
    }

    @Test
    void retriesAfterTheConnectionIsDroppedWithTheSameIdempotencyKey() throws Exception {
        api.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        api.json(200, "{\"status\":\"pending\",\"transaction_id\":\"TXN-1\",\"amount\":1000.00}");

        assertThat(api.client.wallet().topUp(TopUpParams.builder().amount(1000).phoneNumber("0712345678").build())
                .transactionId()).isEqualTo("TXN-1");

        RecordedRequest dropped = api.server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest retried = api.server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(dropped).isNotNull();
        assertThat(retried).isNotNull();
        assertThat(retried.getHeaders().get("Idempotency-Key")).isEqualTo(dropped.getHeaders().get("Idempotency-Key"));
        assertThat(api.sleeps).hasSize(1);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOnA429() {
        api.problem(429, "rate_limited", "Retry-After", "7");
        api.json(200, "{\"balance\":10.00,\"currency\":\"KES\",\"units\":10,\"price_per_unit\":1.00}");

        Balance balance = api.client.wallet().balance();

        assertThat(balance.units()).isEqualTo(10L);
        assertThat(api.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() throws Exception {
        java.time.Instant now = java.time.Instant.parse("2025-10-09T14:35:00Z");
        try (MockApi dated = new MockApi(1)) {
            JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2)
                    .baseUrl(dated.server.url("/").toString()).sleeper(dated.sleeps::add)
                    .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).build();
            dated.problem(503, "service_unavailable", "Retry-After", "Thu, 09 Oct 2025 14:35:12 GMT");
            dated.json(200, "{\"balance\":1.00,\"currency\":\"KES\",\"units\":1,\"price_per_unit\":1.00}");

            client.account().balance();

            assertThat(dated.sleeps).containsExactly(Duration.ofSeconds(12));
        }
    }

    @Test
    void throwsRateLimitedWithRetryAfterWhenRetriesRunOut() {
        for (int i = 0; i < 4; i++) {
            api.problem(429, "rate_limited", "Retry-After", "2");
        }
        assertThatThrownBy(() -> api.client.account().balance())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                    assertThat(e.status()).isEqualTo(429);
                });
        assertThat(api.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void doesNotWaitForARetryAfterLongerThanTheLimit() {
        api.problem(429, "rate_limited", "Retry-After", "3600");
        assertThatThrownBy(() -> api.client.account().balance()).isInstanceOf(RateLimitedException.class);
        assertThat(api.sleeps).isEmpty();
    }

    @Test
    void backsOffExponentiallyWithJitterBetweenServerErrors() {
        for (int i = 0; i < 4; i++) {
            api.problem(500, "internal_error", null, null);
        }
        assertThatThrownBy(() -> api.client.account().balance()).isInstanceOf(ServerException.class);
        assertThat(api.sleeps).hasSize(3);
        assertThat(api.sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(api.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(api.sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void neverRetriesAClientError() {
        api.problem(400, "validation_failed", null, null);
        assertThatThrownBy(() -> api.client.sms().send(sms())).isInstanceOf(ValidationException.class);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
        assertThat(api.sleeps).isEmpty();
    }

    @Test
    void retriesA409OnlyWhileTheSameIdempotencyKeyIsStillRunning() {
        api.problem(409, "idempotency_in_progress", null, null);
        api.json(202, "{\"status\":\"queued\",\"message_id\":\"MSG-1\",\"segments\":1}");

        assertThat(api.client.sms().send(sms()).messageId()).isEqualTo("MSG-1");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void neverRetriesAConflictOfState() {
        api.problem(409, "not_cancellable", null, null);

        assertThatThrownBy(() -> api.client.sms().cancel("MSG-1")).isExactlyInstanceOf(JumbeException.class)
                .satisfies(e -> assertThat(((JumbeException) e).code()).isEqualTo("not_cancellable"));
        assertThat(api.server.getRequestCount()).isEqualTo(1);
        assertThat(api.sleeps).isEmpty();
    }

    @Test
    void reportsAConnectionFailureWhenNothingAnswers() throws Exception {
        MockApi closed = new MockApi(1);
        String url = closed.server.url("/").toString();
        closed.close();
        JumbeClient client = JumbeClient.builder().apiKey(MockApi.KEY).clientId(2).baseUrl(url).maxRetries(1)
                .sleeper(d -> { }).build();

        assertThatThrownBy(() -> client.account().balance()).isInstanceOfSatisfying(ConnectionException.class,
                e -> assertThat(e.status()).isZero());
    }
}
