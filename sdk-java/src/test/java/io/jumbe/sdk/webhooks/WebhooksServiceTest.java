package io.jumbe.sdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.MockApi;
import io.jumbe.sdk.Page;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksServiceTest {
    private MockApi api;

    @BeforeEach
    void start() throws Exception {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void putConfigSendsUrlEventsAndSecretAndReturnsTheGeneratedSecret() throws Exception {
        api.json(200, "{\"webhook_url\":\"https://crm.example.com/hooks\",\"events\":[\"balance.updated\","
                + "\"message.delivered\"],\"enabled\":true,\"webhook_secret\":\"whsec_abc\"}");

        WebhookConfig config = api.client.webhooks().putConfig(WebhookConfigParams.builder()
                .webhookUrl("https://crm.example.com/hooks").addEvent("balance.updated").addEvent("message.delivered")
                .build());

        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/api/2/webhooks/config");
        assertThat(MockApi.body(r)).isEqualTo("{\"webhook_url\":\"https://crm.example.com/hooks\","
                + "\"events\":[\"balance.updated\",\"message.delivered\"]}");
        assertThat(config.webhookSecret()).isEqualTo("whsec_abc");
        assertThat(config.toString()).doesNotContain("whsec_abc");
        assertThat(config.events()).containsExactly("balance.updated", "message.delivered");
    }

    @Test
    void getConfigReadsTheConfiguration() throws Exception {
        api.json(200, "{\"webhook_url\":\"https://crm.example.com/hooks\",\"events\":[\"topup.completed\"],"
                + "\"enabled\":true}");
        WebhookConfig config = api.client.webhooks().getConfig();
        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/api/2/webhooks/config");
        assertThat(config.webhookSecret()).isNull();
    }

    @Test
    void deleteConfigReturnsTheConfigurationTurnedOff() throws Exception {
        api.json(200, "{\"webhook_url\":\"https://crm.example.com/hooks\",\"events\":[\"balance.updated\"],"
                + "\"enabled\":false,\"disabled_reason\":\"turned off by the tenant\","
                + "\"previous_secret_valid_until\":null,\"created_at\":\"2025-10-09T14:35:00Z\","
                + "\"updated_at\":\"2025-10-09T15:00:00Z\"}");
        WebhookConfig config = api.client.webhooks().deleteConfig();
        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo("/api/2/webhooks/config");
        assertThat(config.enabled()).isFalse();
        assertThat(config.disabledReason()).isEqualTo("turned off by the tenant");
    }

    @Test
    void deleteConfigAcceptsAnEmptyAnswer() throws Exception {
        api.server.enqueue(new MockResponse.Builder().code(204).build());
        assertThat(api.client.webhooks().deleteConfig()).isNull();
        assertThat(api.take().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void rotateSecretPostsWithAnIdempotencyKey() throws Exception {
        api.json(200, "{\"webhook_secret\":\"whsec_new\",\"previous_secret_valid_until\":\"2025-10-10T14:35:00Z\"}");
        SecretRotation rotation = api.client.webhooks().rotateSecret();
        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/2/webhooks/secret/rotate");
        assertThat(r.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(MockApi.body(r)).isEqualTo("{}");
        assertThat(rotation.webhookSecret()).isEqualTo("whsec_new");
        assertThat(rotation.previousSecretValidUntil()).isEqualTo(Instant.parse("2025-10-10T14:35:00Z"));
    }

    @Test
    void testReportsTheReceiversStatusAndLatency() throws Exception {
        api.json(200, "{\"delivery_id\":\"WH-1\",\"webhook_id\":\"msg_1\",\"success\":true,\"http_status\":200,"
                + "\"latency_ms\":84,\"error\":null,\"response_body\":\"ok\"}");
        WebhookTestResult result = api.client.webhooks().test();
        assertThat(api.take().getTarget()).isEqualTo("/api/2/webhooks/test");
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.latencyMs()).isEqualTo(84L);
        assertThat(result.webhookId()).isEqualTo("msg_1");
        assertThat(result.responseBody()).isEqualTo("ok");
    }

    @Test
    void deliveriesSendFiltersAndParseAttempts() throws Exception {
        api.json(200, "{\"data\":[{\"delivery_id\":\"WH-1\",\"id\":\"WH-1\",\"event\":\"message.failed\",\"event_id\":\"EVT-1\","
                + "\"webhook_id\":\"msg_1\",\"status\":\"failed\",\"attempt_count\":9,\"next_attempt_at\":null,"
                + "\"last_error\":\"HTTP 500\",\"created_at\":\"2025-10-09T14:35:00Z\","
                + "\"updated_at\":\"2025-10-10T14:35:00Z\"}],"
                + "\"meta\":{\"current_page\":1,\"per_page\":20,\"total\":1,\"last_page\":1,\"has_more\":false}}");

        Page<WebhookDelivery> page = api.client.webhooks().deliveries(DeliveryListParams.builder()
                .event("message.failed").status(DeliveryStatus.FAILED).from(Instant.parse("2025-10-01T00:00:00Z"))
                .build());

        RecordedRequest r = api.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/2/webhooks/deliveries");
        assertThat(r.getUrl().queryParameter("event")).isEqualTo("message.failed");
        assertThat(r.getUrl().queryParameter("status")).isEqualTo("failed");
        assertThat(r.getUrl().queryParameter("from")).isEqualTo("2025-10-01T00:00:00Z");
        assertThat(page.data()).extracting(WebhookDelivery::status).containsExactly(DeliveryStatus.FAILED);
        assertThat(page.data().get(0).deliveryId()).isEqualTo("WH-1");
        assertThat(page.data().get(0).lastError()).isEqualTo("HTTP 500");
        assertThat(page.meta().lastPage()).isEqualTo(1);
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void deliveryGetsOneWithEveryAttempt() throws Exception {
        api.json(200, "{\"delivery_id\":\"WH-1\",\"status\":\"succeeded\",\"attempt_count\":2,"
                + "\"payload\":{\"event\":\"balance.updated\",\"data\":{\"new_balance\":250.00}},"
                + "\"attempts\":[{\"attempted_at\":\"2025-10-09T14:35:00Z\",\"http_status\":500,\"latency_ms\":30,"
                + "\"success\":false,\"response_body\":\"oops\"},"
                + "{\"attempted_at\":\"2025-10-09T14:35:05Z\",\"http_status\":200,\"latency_ms\":25,\"success\":true}]}");

        WebhookDelivery d = api.client.webhooks().delivery("WH-1");

        assertThat(api.take().getTarget()).isEqualTo("/api/2/webhooks/deliveries/WH-1");
        assertThat(d.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(d.attempts()).extracting(DeliveryAttempt::httpStatus).containsExactly(500, 200);
        assertThat(d.attempts()).extracting(DeliveryAttempt::success).containsExactly(false, true);
        assertThat(d.payload()).as("the body as sent, numbers spelled as sent")
                .isEqualTo("{\"event\":\"balance.updated\",\"data\":{\"new_balance\":250.00}}");
    }

    @Test
    void retryPostsToTheDeliverysRetryPath() throws Exception {
        api.json(202, "{\"delivery_id\":\"WH-1\",\"id\":\"WH-1\",\"status\":\"pending\",\"attempt_count\":3}");
        WebhookDelivery d = api.client.webhooks().retry("WH-1");
        RecordedRequest r = api.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/api/2/webhooks/deliveries/WH-1/retry");
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.deliveryId()).isEqualTo("WH-1");
    }
}
