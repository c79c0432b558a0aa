package io.jumbe.server.webhooks;

import static io.jumbe.server.testing.Webhooks.configure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.testing.StockReceiver;
import io.jumbe.core.testing.TestDatabase;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /webhooks/test} against a receiver on Python's stock {@code http.server}: it answered every other time. */
class WebhookTestEndpointOverStockReceiverTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jumbe.core.testing.TestDatabases#all")
    void everyTestCallToAPythonReceiverSucceedsAndNoAttemptIsLoggedAsFailed(TestDatabase db) throws Exception {
        Optional<StockReceiver> python = StockReceiver.python();
        assumeTrue(python.isPresent(), "python3 is not installed");
        try (StockReceiver receiver = python.get(); TestApp app = TestApp.start(db)) {
            Sender s = app.sender("10.00");
            configure(s, receiver.url());

            for (int i = 0; i < 6; i++) {
                Http.Response r = s.post("/webhooks/test", "{}");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("success").asBoolean()).as("test call " + (i + 1) + ": " + r.body()).isTrue();
            }

            var failed = s.get("/webhooks/deliveries?status=failed").json();
            assertThat(failed.at("/meta/total").asInt()).isZero();
        }
    }
}
