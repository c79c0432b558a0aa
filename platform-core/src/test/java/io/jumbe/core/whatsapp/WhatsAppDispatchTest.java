package io.jumbe.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.Money;
import io.jumbe.core.sms.SmsTuning;
import io.jumbe.core.sms.onfon.OnfonConfig;
import io.jumbe.core.tenant.NewTenant;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.testing.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** WhatsApp dispatch against a Graph API played by MockWebServer, on both databases. */
class WhatsAppDispatchTest {
    private static final String TEMPLATES = "{\"data\":[{\"name\":\"hello_world\",\"language\":\"en_US\","
            + "\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"components\":[{\"type\":\"BODY\",\"text\":\"Hello\"}]}]}";

    private static String accepted(String wamid) {
        return "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}";
    }

    private static String status(String wamid, String status) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\","
                + "\"timestamp\":\"1694492484\",\"recipient_id\":\"254712345678\"}]}}]}]}";
    }

    private static final class Graph implements AutoCloseable {
        final MockWebServer server = new MockWebServer();
        final ConcurrentLinkedQueue<String> sends = new ConcurrentLinkedQueue<>();

        Graph(Function<Integer, MockResponse> onSend) throws IOException {
            AtomicInteger n = new AtomicInteger();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if ("GET".equals(request.getMethod())) {
                        return json(200, TEMPLATES);
                    }
                    sends.add(request.getBody().utf8());
                    return onSend.apply(n.incrementAndGet());
                }
            });
            server.start();
        }

        GraphConfig config() {
            return new GraphConfig(server.url("/").toString(), "v23.0", "meta-token", "waba-1");
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static Jumbe platform(TestDatabase db, Graph graph) {
        // no SMS is sent here; start() only needs to know where SMS would go
        return Jumbe.builder().database(db.fresh()).smsTuning(SmsTuning.fast()).whatsapp(graph::config)
                .onfon(() -> new OnfonConfig(graph.server.url("/").toString(), "a", "b", "c")).build();
    }

    private static Tenant tenant(Jumbe platform) {
        return platform.tenants().create(NewTenant.of("Falley Medical", "ops@falley.example", "FALLEY-MED")
                .withBalance(Money.parse("10.00"))).tenant();
    }

    private static String send(Jumbe platform, Tenant t) {
        return platform.whatsapp().send(t, WhatsAppSendRequest.template("0712345678",
                new TemplateRef("hello_world", null, List.of()))).messages().get(0).messageId();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aStatusThatArrivesBeforeTheWamidIsRecordedIsAppliedOnceItIs(TestDatabase db) throws Exception {
        Jumbe[] holder = new Jumbe[1];
        try (Graph graph = new Graph(n -> {
            // Meta's webhook overtakes its own answer: the status reaches us before dispatch has the wamid
            JsonNode body;
            try {
                body = Json.mapper().readTree(status("wamid.EARLY" + n, "delivered"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            holder[0].whatsapp().lifecycle().apply(body);
            return json(200, accepted("wamid.EARLY" + n));
        }); Jumbe platform = platform(db, graph)) {
            holder[0] = platform;
            platform.start();
            Tenant t = tenant(platform);
            String id = send(platform, t);
            await(id + " delivered", () -> "delivered".equals(platform.whatsapp().get(t.id(), id).status()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aRateLimitIsRetriedAndTheMessageIsSentOnce(TestDatabase db) throws Exception {
        try (Graph graph = new Graph(n -> n == 1
                ? json(400, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}")
                : json(200, accepted("wamid.OK" + n)));
             Jumbe platform = platform(db, graph)) {
            platform.start();
            Tenant t = tenant(platform);
            String id = send(platform, t);
            await(id + " sent", () -> "sent".equals(platform.whatsapp().get(t.id(), id).status()));
            assertThat(graph.sends).hasSize(2);
            assertThat(platform.wallet().balance(t.id()).balance()).isEqualTo(Money.parse("9.00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void anExpiredTokenPausesDispatchRaisesAnAlertAndLeavesTheMessageQueued(TestDatabase db) throws Exception {
        try (Graph graph = new Graph(n -> json(401, "{\"error\":{\"message\":\"Error validating access token: "
                + "Session has expired\",\"type\":\"OAuthException\",\"code\":190}}"));
             Jumbe platform = platform(db, graph)) {
            platform.start();
            Tenant t = tenant(platform);
            String id = send(platform, t);
            await("an alert", () -> platform.alerts().open().stream()
                    .anyMatch(a -> a.kind().equals(WhatsAppDispatcher.ALERT_ACCESS)));
            assertThat(platform.whatsappDispatcher().paused()).isTrue();
            assertThat(platform.whatsapp().get(t.id(), id).status()).isEqualTo("queued");
            assertThat(platform.whatsapp().get(t.id(), id).refunded()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aWindowClosedRefusalFailsAndRefundsTheMessage(TestDatabase db) throws Exception {
        try (Graph graph = new Graph(n -> json(400, "{\"error\":{\"message\":\"(#131047) Re-engagement message\","
                + "\"type\":\"OAuthException\",\"code\":131047}}"));
             Jumbe platform = platform(db, graph)) {
            platform.start();
            Tenant t = tenant(platform);
            String id = send(platform, t);
            await(id + " failed", () -> "failed".equals(platform.whatsapp().get(t.id(), id).status()));
            ChannelMessage m = platform.whatsapp().get(t.id(), id);
            assertThat(m.errorCode()).isEqualTo("whatsapp_window_closed");
            assertThat(m.refunded()).isTrue();
            assertThat(platform.wallet().balance(t.id()).balance()).isEqualTo(Money.parse("10.00"));
            assertThat(platform.ledgerCheck().verify()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void aHeldStatusForAWamidNoMessageTakesIsDroppedAfterADay(TestDatabase db) throws Exception {
        io.jumbe.core.testing.TestClock clock = io.jumbe.core.testing.TestClock.ofNow();
        try (Jumbe platform = Jumbe.builder().database(db.fresh()).clock(clock).build()) {
            WhatsAppLifecycle.Applied applied = platform.whatsapp().lifecycle()
                    .apply(Json.mapper().readTree(status("wamid.NEVER", "delivered")));
            assertThat(applied.unknown()).isEqualTo(1);
            assertThat(platform.whatsapp().lifecycle().purgeHeld(Duration.ofDays(1))).isZero();
            clock.advance(Duration.ofHours(25));
            assertThat(platform.whatsapp().lifecycle().purgeHeld(Duration.ofDays(1))).isEqualTo(1);
        }
    }
}
