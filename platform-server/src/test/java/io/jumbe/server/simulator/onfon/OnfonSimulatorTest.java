package io.jumbe.server.simulator.onfon;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.jumbe.core.sms.DeliveryReport;
import io.jumbe.core.sms.DeliveryState;
import io.jumbe.core.sms.MessageOutcome;
import io.jumbe.core.sms.OutboundSms;
import io.jumbe.core.sms.SubmitBatch;
import io.jumbe.core.sms.SubmitResult;
import io.jumbe.core.sms.SubmitResult.FailureKind;
import io.jumbe.core.sms.onfon.OnfonClient;
import io.jumbe.core.sms.onfon.OnfonConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnfonSimulatorTest {

    private MockWebServer callbacks;
    private OnfonSimulator.Running running;
    private OnfonClient client;

    @BeforeEach
    void start() throws IOException {
        callbacks = new MockWebServer();
        callbacks.start();
        for (int i = 0; i < 10; i++) {
            callbacks.enqueue(new MockResponse.Builder().code(200).body("OK").build());
        }
        running = OnfonSimulator.start(0);
        running.simulator().dlrUrl(() -> callbacks.url("/api/webhooks/onfon/dlr/secret-token").toString());
        client = new OnfonClient(running.clientConfig());
    }

    @AfterEach
    void stop() {
        running.close();
        callbacks.close();
    }

    private static OutboundSms sms(String id, String number) {
        return new OutboundSms(id, number, "Miadi yako ni kesho saa 3 asubuhi");
    }

    private DeliveryReport nextReport() throws InterruptedException {
        RecordedRequest request = callbacks.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a delivery report").isNotNull();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/webhooks/onfon/dlr/secret-token");
        return DeliveryReport.fromParameters(queryOf(request.getUrl())).orElseThrow();
    }

    private static Map<String, List<String>> queryOf(HttpUrl url) {
        Map<String, List<String>> params = new HashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameterValues(name));
        }
        return params;
    }

    @Test
    void acceptsAMessageAndReportsItDelivered() throws Exception {
        SubmitResult result = client.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678"))));

        MessageOutcome.Accepted accepted = (MessageOutcome.Accepted) ((SubmitResult.Completed) result).outcomes().get(0);
        DeliveryReport report = nextReport();
        assertThat(report.upstreamMessageId()).isEqualTo(accepted.upstreamMessageId());
        assertThat(report.mobile()).isEqualTo("254712345678");
        assertThat(report.status()).isEqualTo("DELIVRD");
        assertThat(report.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(report.submitDate()).isNotEmpty();
        assertThat(report.doneDate()).isNotEmpty();
    }

    @Test
    void followsTheTestNumberOutcomes() throws Exception {
        SubmitResult result = client.submit(new SubmitBatch("FALLEY-MED", List.of(
                sms("MSG-1", "254700000001"),
                sms("MSG-2", "254700000002"),
                sms("MSG-5", "254700000005"))));

        List<MessageOutcome> outcomes = ((SubmitResult.Completed) result).outcomes();
        assertThat(outcomes.get(0)).isInstanceOf(MessageOutcome.Accepted.class);
        assertThat(outcomes.get(1)).isInstanceOf(MessageOutcome.Rejected.class);
        assertThat(((MessageOutcome.Rejected) outcomes.get(1)).code()).isEqualTo("401");
        assertThat(outcomes.get(2)).isInstanceOf(MessageOutcome.Accepted.class);

        DeliveryReport undelivered = nextReport();
        assertThat(undelivered.mobile()).isEqualTo("254700000001");
        assertThat(undelivered.state()).isEqualTo(DeliveryState.FAILED);

        // Reports go out in submit order on one scheduler, so once a later message's report has arrived,
        // the …0005 message's report would have arrived before it had there been one.
        client.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-6", "254712345678"))));
        assertThat(nextReport().mobile()).isEqualTo("254712345678");
        String silent = ((MessageOutcome.Accepted) outcomes.get(2)).upstreamMessageId();
        assertThat(running.simulator().reports()).noneMatch(r -> r.messageId().equals(silent));
        assertThat(callbacks.getRequestCount()).isEqualTo(2);
    }

    @Test
    void keepsWhatItReceived() {
        client.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678"), sms("MSG-2", "254700000002"))));

        List<OnfonSimulator.SubmittedMessage> received = running.simulator().submitted();
        assertThat(received).extracting(OnfonSimulator.SubmittedMessage::number)
                .containsExactly("254712345678", "254700000002");
        assertThat(received.get(0).senderId()).isEqualTo("FALLEY-MED");
        assertThat(received.get(0).text()).isEqualTo("Miadi yako ni kesho saa 3 asubuhi");
        assertThat(received.get(0).messageId()).isNotBlank();
        assertThat(received.get(1).messageId()).isNull();
        assertThat(running.simulator().requestCount()).isEqualTo(1);
    }

    @Test
    void refusesWrongCredentials() {
        OnfonConfig right = running.clientConfig();
        OnfonClient wrong = new OnfonClient(new OnfonConfig(right.baseUrl(), right.accessKey(), "not-the-key", right.clientId()));

        SubmitResult result = wrong.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678"))));

        assertThat(result).isEqualTo(new SubmitResult.RequestFailed(FailureKind.UPSTREAM_ACCESS_DENIED, "007", "Invalid api credential"));
        assertThat(running.simulator().submitted()).isEmpty();
    }

    @Test
    void refusesAWrongAccessKeyHeader() {
        OnfonConfig right = running.clientConfig();
        OnfonClient wrong = new OnfonClient(new OnfonConfig(right.baseUrl(), "nope", right.apiKey(), right.clientId()));

        SubmitResult result = wrong.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678"))));

        assertThat(((SubmitResult.RequestFailed) result).code()).isEqualTo("010");
    }

    @Test
    void failsTheNextRequestsWithHttp500WhenAsked() {
        running.simulator().failNextRequests(1);
        SubmitBatch batch = new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678")));

        assertThat(client.submit(batch)).isEqualTo(new SubmitResult.RequestFailed(FailureKind.TRANSIENT, "http_500", "Onfon answered HTTP 500"));
        assertThat(client.submit(batch)).isInstanceOf(SubmitResult.Completed.class);
        assertThat(running.simulator().submitted()).hasSize(1);
    }

    @Test
    void answers021WhileCreditIsExhausted() {
        running.simulator().creditExhausted(true);
        SubmitBatch batch = new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678")));

        assertThat(((SubmitResult.RequestFailed) client.submit(batch)).kind()).isEqualTo(FailureKind.UPSTREAM_CREDIT_EXHAUSTED);
        running.simulator().creditExhausted(false);
        assertThat(client.submit(batch)).isInstanceOf(SubmitResult.Completed.class);
    }

    @Test
    void rejectsANonKenyanNumberPerRecipient() {
        SubmitResult result = client.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "255712345678"))));

        assertThat(((SubmitResult.Completed) result).outcomes()).containsExactly(
                new MessageOutcome.Rejected("MSG-1", "801", "Country not found in master data"));
    }

    @Test
    void marksUnicodeRequests() {
        client.submit(new SubmitBatch("FALLEY-MED", List.of(new OutboundSms("MSG-1", "254712345678", "Asante 🙏"))));
        assertThat(running.simulator().submitted().get(0).unicode()).isTrue();
    }

    @Test
    void answersTheBalance() {
        assertThat(client.balance().amountCents()).isEqualTo(10_000_000L);
    }

    @Test
    void worksMountedInsideAnotherAppUnderItsPrefix() throws Exception {
        try (OnfonSimulator mounted = new OnfonSimulator(OnfonSimulator.DEFAULT_MOUNT_PREFIX, Duration.ofMillis(50))) {
            Javalin host = Javalin.create(cfg -> {
                cfg.routes.get("/health", ctx -> ctx.result("ok"));
                mounted.addRoutes(cfg);
            }).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + host.port();
                mounted.dlrUrl(callbacks.url("/api/webhooks/onfon/dlr/secret-token").toString());
                OnfonConfig config = mounted.clientConfig(base);
                assertThat(config.baseUrl()).isEqualTo(base + "/simulators/onfon");
                OnfonClient inApp = new OnfonClient(config, new OkHttpClient());

                SubmitResult result = inApp.submit(new SubmitBatch("FALLEY-MED", List.of(sms("MSG-1", "254712345678"))));

                assertThat(result).isInstanceOf(SubmitResult.Completed.class);
                assertThat(nextReport().state()).isEqualTo(DeliveryState.DELIVERED);
            } finally {
                host.stop();
            }
        }
    }
}
