package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    private static final Instant NOW = Instant.parse("2025-10-09T14:35:07Z");

    private final MockWebServer receiver = new MockWebServer();
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    private final byte[] body = WebhookPayload.of("balance.updated", 2, Instant.parse("2025-10-09T14:35:00Z"), 1842,
            Map.of("old_balance", "100.00", "new_balance", "99.20")).toBytes();
    private WebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver.start();
        // MockWebServer listens on 127.0.0.1, so these tests lift the address guard; the guard's own refusal of
        // loopback at connect time is proven by the tests that build a strict sender.
        sender = new WebhookSender(new WebhookUrlGuard(HostResolver.system(), true, false), Duration.ofSeconds(2),
                "1.2.3", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws IOException {
        sender.close();
        receiver.shutdown();
    }

    @Test
    void sendsExactlyTheStandardWebhooksAndLegacyHeaders() throws Exception {
        receiver.enqueue(new MockResponse().setResponseCode(200));

        sender.send(message("WH-abc123", List.of(secret)));

        RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/hook");
        assertThat(request.getHeader("webhook-id")).isEqualTo("WH-abc123");
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo("1760020507");
        assertThat(request.getHeader("webhook-signature")).startsWith("v1,");
        assertThat(request.getHeader("X-Webhook-Signature")).isEqualTo(request.getHeader("webhook-signature"));
        assertThat(request.getHeader("X-Webhook-Event")).isEqualTo("balance.updated");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo("Jumbe-Webhooks/1.2.3");
        assertThat(request.getBody().readByteArray()).isEqualTo(body);
    }

    @Test
    void signatureVerifiesWithAnIndependentStandardWebhooksVerifier() throws Exception {
        receiver.enqueue(new MockResponse().setResponseCode(204));

        sender.send(message("WH-abc123", List.of(secret)));

        RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertThat(StandardWebhooksVerifier.verify(secret.value(), request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"),
                request.getBody().readByteArray())).isTrue();
    }

    @Test
    void carriesOneSignaturePerSecretDuringRotation() throws Exception {
        WebhookSecret old = WebhookSecret.generate(new SecureRandom());
        receiver.enqueue(new MockResponse().setResponseCode(200));

        sender.send(message("WH-rot", List.of(secret, old)));

        RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
        String signatures = request.getHeader("webhook-signature");
        byte[] received = request.getBody().readByteArray();
        assertThat(signatures.split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verify(secret.value(), "WH-rot", "1760020507", signatures, received)).isTrue();
        assertThat(StandardWebhooksVerifier.verify(old.value(), "WH-rot", "1760020507", signatures, received)).isTrue();
    }

    @Test
    void reportsA2xxAsSuccessWithStatusAndBody() {
        receiver.enqueue(new MockResponse().setResponseCode(202).setBody("{\"ok\":true}"));

        AttemptResult result = sender.send(message("WH-1", List.of(secret)));

        assertThat(result.success()).isTrue();
        assertThat(result.gone()).isFalse();
        assertThat(result.httpStatus()).isEqualTo(202);
        assertThat(result.error()).isNull();
        assertThat(result.responseBody()).isEqualTo("{\"ok\":true}");
        assertThat(result.attemptedAt()).isEqualTo(NOW);
        assertThat(result.latencyMillis()).isNotNegative();
    }

    @Test
    void reportsA500AsAFailureToRetry() {
        receiver.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));

        AttemptResult result = sender.send(message("WH-1", List.of(secret)));

        assertThat(result.success()).isFalse();
        assertThat(result.httpStatus()).isEqualTo(500);
        assertThat(result.responseBody()).isEqualTo("boom");
    }

    @Test
    void reports410AsGone() {
        receiver.enqueue(new MockResponse().setResponseCode(410));

        AttemptResult result = sender.send(message("WH-1", List.of(secret)));

        assertThat(result.gone()).isTrue();
        assertThat(result.success()).isFalse();
        assertThat(result.httpStatus()).isEqualTo(410);
    }

    @Test
    void keepsOnlyTheFirstKibibyteOfTheResponseBody() {
        receiver.enqueue(new MockResponse().setResponseCode(400).setBody("x".repeat(5000)));

        AttemptResult result = sender.send(message("WH-1", List.of(secret)));

        assertThat(result.responseBody()).hasSize(1024).isEqualTo("x".repeat(1024));
    }

    @Test
    void doesNotFollowRedirects() {
        receiver.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", receiver.url("/elsewhere")));
        receiver.enqueue(new MockResponse().setResponseCode(200));

        AttemptResult result = sender.send(message("WH-1", List.of(secret)));

        assertThat(result.httpStatus()).isEqualTo(302);
        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("redirect not followed").contains("/elsewhere");
        assertThat(receiver.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givesUpOnAReceiverThatNeverAnswers() {
        receiver.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        AttemptResult result = sender.send(message("WH-1", List.of(secret)));

        assertThat(result.httpStatus()).isNull();
        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("timeout after 2s");
    }

    @Test
    void reportsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        AttemptResult result = sender.send(new WebhookMessage("http://127.0.0.1:" + closedPort + "/hook", "WH-1",
                "balance.updated", body, List.of(secret)));

        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void aHangingReceiverDoesNotHoldUpAnotherTenantsDelivery() throws Exception {
        MockWebServer hanging = new MockWebServer();
        hanging.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        hanging.start();
        receiver.enqueue(new MockResponse().setResponseCode(200));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (WebhookSender patient = new WebhookSender(new WebhookUrlGuard(HostResolver.system(), true, false),
                Duration.ofSeconds(60), "1.2.3")) {
            Future<AttemptResult> stuck = pool.submit(() -> patient.send(new WebhookMessage(
                    hanging.url("/hook").toString(), "WH-stuck", "balance.updated", body, List.of(secret))));
            assertThat(hanging.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

            AttemptResult other = CompletableFuture.supplyAsync(() -> patient.send(message("WH-other", List.of(secret))), pool)
                    .get(30, TimeUnit.SECONDS);

            assertThat(other.success()).isTrue();
            assertThat(stuck.isDone()).isFalse();
            hanging.shutdown();
            assertThat(stuck.get(30, TimeUnit.SECONDS).success()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void guardRefusesLoopbackLiteralBeforeConnecting() throws Exception {
        try (WebhookSender strict = new WebhookSender(new WebhookUrlGuard(HostResolver.system(), false, false),
                Duration.ofSeconds(2), "1.2.3")) {
            AttemptResult result = strict.send(new WebhookMessage("http://127.0.0.1:" + receiver.getPort() + "/hook",
                    "WH-1", "balance.updated", body, List.of(secret)));

            assertThat(result.error()).startsWith("blocked by SSRF guard").contains("127.0.0.1").contains("loopback");
            assertThat(result.blocked()).isTrue();
            assertThat(result.httpStatus()).isNull();
            assertThat(receiver.getRequestCount()).isZero();
        }
    }

    @Test
    void guardRefusesAtConnectTimeANameThatRebindsToLoopback() throws Exception {
        FakeDns dns = new FakeDns()
                .answer("hooks.tenant.example", "93.184.216.34")
                .answer("hooks.tenant.example", "127.0.0.1");
        WebhookUrlGuard guard = new WebhookUrlGuard(dns, false, false);
        String url = "http://hooks.tenant.example:" + receiver.getPort() + "/hook";
        assertThat(guard.check(url).allowed()).isTrue();
        receiver.enqueue(new MockResponse().setResponseCode(200));

        try (WebhookSender strict = new WebhookSender(guard, Duration.ofSeconds(2), "1.2.3")) {
            AttemptResult result = strict.send(new WebhookMessage(url, "WH-1", "balance.updated", body, List.of(secret)));

            assertThat(result.error()).startsWith("blocked by SSRF guard").contains("127.0.0.1").contains("loopback");
            assertThat(result.httpStatus()).isNull();
        }
        assertThat(dns.asked()).containsExactly("hooks.tenant.example", "hooks.tenant.example");
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void reachesANamedReceiverThroughTheResolverWhenPrivateNetworksAreAllowed() throws Exception {
        FakeDns dns = new FakeDns().answer("receiver.local.test", "127.0.0.1");
        receiver.enqueue(new MockResponse().setResponseCode(200));

        try (WebhookSender open = new WebhookSender(new WebhookUrlGuard(dns, true, false), Duration.ofSeconds(2), "1.2.3")) {
            AttemptResult result = open.send(new WebhookMessage("http://receiver.local.test:" + receiver.getPort() + "/hook",
                    "WH-1", "balance.updated", body, List.of(secret)));

            assertThat(result.success()).isTrue();
        }
        assertThat(receiver.takeRequest(5, TimeUnit.SECONDS).getHeader("Host")).startsWith("receiver.local.test");
    }

    @Test
    void sendsTheSameWebhookIdOnEveryAttempt() throws Exception {
        receiver.enqueue(new MockResponse().setResponseCode(500));
        receiver.enqueue(new MockResponse().setResponseCode(200));
        WebhookMessage delivery = message("WH-same", List.of(secret));

        sender.send(delivery);
        sender.send(delivery);

        assertThat(receiver.takeRequest(5, TimeUnit.SECONDS).getHeader("webhook-id")).isEqualTo("WH-same");
        assertThat(receiver.takeRequest(5, TimeUnit.SECONDS).getHeader("webhook-id")).isEqualTo("WH-same");
    }

    private WebhookMessage message(String id, List<WebhookSecret> secrets) {
        return new WebhookMessage(receiver.url("/hook").toString(), id, "balance.updated", body, secrets);
    }
}
