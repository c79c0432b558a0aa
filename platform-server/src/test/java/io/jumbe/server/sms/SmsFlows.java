package io.jumbe.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.Jumbe;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Helpers shared by the SMS tests: waiting for asynchronous dispatch and reading what the server stored. */
final class SmsFlows {
    static final String DLR_TOKEN = "test-dlr-token-0123456789";
    static final Map<String, String> ENV = Map.of("ONFON_DLR_TOKEN", DLR_TOKEN, "ONFON_MAX_TPS", "100000");

    private SmsFlows() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String status(Sender s, String messageId) {
        return s.get("/sms/status/" + messageId).json().get("status").asText();
    }

    static void awaitStatus(Sender s, String messageId, String status) {
        await(messageId + " is " + status, () -> status.equals(status(s, messageId)));
    }

    static JsonNode send(Sender s, String json) {
        Http.Response r = s.post("/sms/send", json);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    static String sendOne(Sender s, String recipient, String text) {
        return send(s, "{\"recipient\":\"" + recipient + "\",\"message\":\"" + text + "\"}").get("message_id").asText();
    }

    static OnfonSimulator simulator(TestApp app) {
        return app.application().onfonSimulator().orElseThrow();
    }

    static long count(Jumbe platform, String sql, Object... binds) {
        return platform.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                q.bind(i, binds[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    static List<String> eventTypes(Jumbe platform, long tenantId) {
        return platform.events().forTenant(tenantId, null, 10_000).stream().map(e -> e.type()).toList();
    }

    static Http.Response report(TestApp app, String method, String token, String query, String body,
                                String contentType) {
        String path = "/api/webhooks/onfon/dlr/" + token + (query == null ? "" : "?" + query);
        return app.http().send(method, path, body, contentType == null ? Map.of() : Map.of("Content-Type", contentType));
    }
}
