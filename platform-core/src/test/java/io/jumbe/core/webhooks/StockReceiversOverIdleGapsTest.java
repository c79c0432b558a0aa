package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.testing.StockReceiver;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Receivers written on stock servers, as tenants write them: Python's {@code http.server} closes after each answer
 * (every second delivery used to fail), Node's {@code http} closes keep-alive sockets after 5 s idle (the first
 * delivery after a longer gap used to fail). Both get 20 deliveries over idle gaps of 0–8 s; none may fail.
 */
class StockReceiversOverIdleGapsTest {

    // Seconds of idle before each delivery: several above Node's 5 s, many back-to-back for Python's close.
    private static final int[] GAPS = {0, 1, 6, 0, 0, 7, 1, 0, 0, 6, 2, 0, 0, 8, 0, 1, 0, 0, 6, 0};

    private final List<StockReceiver> receivers = new ArrayList<>();
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

    @AfterEach
    void stop() {
        receivers.forEach(StockReceiver::close);
    }

    @Test
    void pythonAndNodeReceiversGetEveryDeliveryAcrossIdleGaps() throws Exception {
        StockReceiver.python().ifPresent(receivers::add);
        StockReceiver.node().ifPresent(receivers::add);
        assumeTrue(!receivers.isEmpty(), "neither python3 nor node is installed");

        List<String> failures = new ArrayList<>();
        try (WebhookSender sender = new WebhookSender(new WebhookUrlGuard(HostResolver.system(), true, false),
                Duration.ofSeconds(5), "test")) {
            // Both receivers take the same schedule side by side, so the test idles once for both.
            for (int i = 0; i < GAPS.length; i++) {
                // Real idle time on real sockets: the receivers' own timers are what is under test.
                Thread.sleep(TimeUnit.SECONDS.toMillis(GAPS[i]));
                for (StockReceiver receiver : receivers) {
                    String id = "WH-" + receiver.name() + "-" + i;
                    AttemptResult result = sender.send(new WebhookMessage(receiver.url(), id, "balance.updated",
                            WebhookPayload.of("balance.updated", 2, Instant.now(), i, Map.of("n", i)).toBytes(),
                            List.of(secret)));
                    if (!result.success()) {
                        failures.add(id + " after " + GAPS[i] + " s idle: " + result.error());
                    }
                }
            }
        }

        assertThat(failures).as("failed attempts").isEmpty();
        for (StockReceiver receiver : receivers) {
            assertThat(receiver.awaitReceived(GAPS.length, Duration.ofSeconds(5))).as(receiver.name() + " received")
                    .hasSize(GAPS.length);
        }
    }
}
