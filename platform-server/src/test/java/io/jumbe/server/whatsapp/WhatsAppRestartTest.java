package io.jumbe.server.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabase;
import io.jumbe.core.whatsapp.WhatsAppService;
import io.jumbe.server.simulator.whatsapp.WhatsAppSimulator;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accepted WhatsApp messages survive a restart: those still queued and those a dead instance had claimed (and never
 * finished) are sent by the next one, each exactly once.
 */
class WhatsAppRestartTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void messagesQueuedOrClaimedByADeadInstanceAreSentOnceAfterARestart(TestDatabase db) {
        TestApp first = TestApp.start(db, WhatsAppFlowTest.ENV);
        // this instance accepts but never dispatches: as if it died before its workers got to the messages
        first.platform().whatsappDispatcher().close();
        Sender s = first.sender("100.00");
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add("\"07123" + String.format("%05d", 10_100 + i) + "\"");
        }
        Http.Response r = s.post("/messages/send", "{\"channel\":\"whatsapp\",\"recipients\":[" + String.join(",", recipients)
                + "],\"template\":{\"name\":\"hello_world\",\"language\":\"en_US\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        // and some were claimed by its worker, which died holding them
        assertThat(first.platform().jobs().claim(WhatsAppService.BULK_QUEUE, 10, "dead-worker", Duration.ofSeconds(1)))
                .hasSize(10);
        assertThat(first.application().whatsappSimulator().orElseThrow().received()).isEmpty();

        TestApp second = first.restart(WhatsAppFlowTest.ENV);
        try {
            Sender again = new Sender(s.clientId(), s.apiKey(), second.http());
            WhatsAppFlowTest.await("every message sent", () -> WhatsAppFlowTest.count(second.platform(),
                    "SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND status IN ('sent', 'delivered')",
                    s.clientId()) == 30);
            WhatsAppSimulator simulator = second.application().whatsappSimulator().orElseThrow();
            assertThat(simulator.received()).hasSize(30);
            assertThat(simulator.received().stream().map(WhatsAppSimulator.Received::to).distinct()).hasSize(30);
            assertThat(again.get("/messages?channel=whatsapp&status=queued").json().get("data")).isEmpty();
            assertThat(second.platform().ledgerCheck().verify()).isEmpty();
        } finally {
            second.close();
        }
    }
}
