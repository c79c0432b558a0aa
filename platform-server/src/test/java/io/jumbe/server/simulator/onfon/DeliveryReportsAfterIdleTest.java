package io.jumbe.server.simulator.onfon;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.jumbe.core.sms.OutboundSms;
import io.jumbe.core.sms.SubmitBatch;
import io.jumbe.core.sms.onfon.OnfonClient;
import io.jumbe.server.testing.Eventually;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's delivery reports after the platform has closed the report connection for idleness. The platform's
 * Jetty closes idle connections after 30 s, which left reports failing after ~40 s quiet; a receiver closing after
 * 300 ms shows the same thing in a second.
 */
class DeliveryReportsAfterIdleTest {

    private Javalin receiver;
    private OnfonSimulator.Running simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void reportsArriveAfterTheReceiverClosedTheIdleConnection() throws Exception {
        receiver = Javalin.create(cfg -> cfg.routes.get("/dlr", ctx -> ctx.result("OK"))).start("127.0.0.1", 0);
        for (Connector connector : receiver.jettyServer().server().getConnectors()) {
            ((AbstractConnector) connector).setIdleTimeout(300);
        }
        // Built as the server builds its mounted simulator: reports go out over Onfon's default client.
        simulator = new OnfonSimulator("", OnfonSimulator.DEFAULT_ACCESS_KEY, OnfonSimulator.DEFAULT_API_KEY,
                OnfonSimulator.DEFAULT_CLIENT_ID, Duration.ofMillis(10), OnfonClient.defaultHttpClient())
                .startStandalone(0);
        simulator.simulator().dlrUrl("http://127.0.0.1:" + receiver.port() + "/dlr");
        OnfonClient client = new OnfonClient(simulator.clientConfig());

        for (int i = 1; i <= 3; i++) {
            client.submit(new SubmitBatch("FALLEY-MED", List.of(new OutboundSms("MSG-" + i, "254712345678", "Habari"))));
            int sent = i;
            Eventually.until("report " + i, Duration.ofSeconds(10), () -> simulator.simulator().reports().size() == sent);
            // Idle past the receiver's timeout, on the real socket.
            Thread.sleep(1_000);
        }

        assertThat(simulator.simulator().reports()).extracting(OnfonSimulator.SentReport::httpStatus)
                .containsExactly(200, 200, 200);
    }
}
