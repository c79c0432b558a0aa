package io.jumbe.server.cli;

import static io.jumbe.server.testing.Webhooks.configure;
import static io.jumbe.server.testing.Webhooks.credit;
import static io.jumbe.server.testing.Webhooks.onlyDeliveryId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.Json;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.Main;
import io.jumbe.server.testing.Eventually;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import io.jumbe.server.testing.WebhookReceiver;
import io.jumbe.server.testing.WebhookReceiver.Received;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class WebhooksCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void statusShowsEachTenantsWebhookHealth(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db, Map.of("WEBHOOK_RETRY_SCHEDULE", "100ms"));
             WebhookReceiver good = WebhookReceiver.start();
             WebhookReceiver bad = WebhookReceiver.start().answering(r -> 500)) {
            Sender healthy = app.sender("10.00");
            Sender failing = app.sender("10.00");
            configure(healthy, good.url());
            configure(failing, bad.url());
            credit(app, healthy, "1.00");
            credit(app, failing, "1.00");
            Eventually.until("the failing delivery gives up", WAIT,
                    () -> failing.get("/webhooks/deliveries?status=failed").json().at("/meta/total").asInt() == 1);
            Eventually.until("the healthy delivery succeeds", WAIT,
                    () -> healthy.get("/webhooks/deliveries?status=succeeded").json().at("/meta/total").asInt() == 1);

            String out = run(app, "admin", "webhooks", "status", "--json");

            JsonNode rows = Json.mapper().readTree(out);
            assertThat(rows).hasSize(2);
            JsonNode h = rows.get(0).get("client_id").asLong() == healthy.clientId() ? rows.get(0) : rows.get(1);
            JsonNode f = h == rows.get(0) ? rows.get(1) : rows.get(0);
            assertThat(h.get("url").asText()).isEqualTo(good.url());
            assertThat(h.get("enabled").asBoolean()).isTrue();
            assertThat(h.get("last_success").isNull()).isFalse();
            assertThat(h.get("failing").asInt()).isZero();
            assertThat(f.get("last_failure").isNull()).isFalse();
            assertThat(f.get("last_success").isNull()).isTrue();
            assertThat(f.get("failing").asInt()).isEqualTo(1);
            assertThat(run(app, "admin", "webhooks", "status")).contains("CLIENT_ID").contains(bad.url());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void replaySendsATenantsFailedDeliveriesAgainWithTheirWebhookIds(TestDatabase db) throws Exception {
        try (TestApp app = TestApp.start(db, Map.of("WEBHOOK_RETRY_SCHEDULE", "100ms"));
             WebhookReceiver receiver = WebhookReceiver.start().answering(r -> 500)) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());
            credit(app, s, "1.00");
            String id = onlyDeliveryId(s);
            Eventually.until("the delivery fails", WAIT,
                    () -> s.get("/webhooks/deliveries/" + id).json().get("status").asText().equals("failed"));
            Received failed = receiver.next(WAIT);
            receiver.next(WAIT);
            receiver.answering(r -> 200);

            String out = run(app, "admin", "webhooks", "replay", Long.toString(s.clientId()),
                    "--since", "2025-10-09T00:00:00Z", "--json");

            assertThat(Json.mapper().readTree(out).get("replayed").asInt()).isEqualTo(1);
            assertThat(receiver.next(WAIT).webhookId()).isEqualTo(failed.webhookId());
            Eventually.until("the replayed delivery succeeds", WAIT,
                    () -> s.get("/webhooks/deliveries/" + id).json().get("status").asText().equals("succeeded"));
            String none = run(app, "admin", "webhooks", "replay", Long.toString(s.clientId()),
                    "--since", "2025-10-09T00:00:00Z", "--json");
            assertThat(Json.mapper().readTree(none).get("replayed").asInt()).isZero();
        }
    }

    private static String run(TestApp app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new AdminCommand(app::platform));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }
}
