package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.DocsModule;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Webhooks page's "Receiving webhooks on your machine" receivers (Python, Node.js, PHP), started as a reader
 * would start them, get a real signed delivery from the server, verify it and answer 2xx. (The Java one needs
 * the SDK, which this module does not depend on: docs-site's {@code ExamplesTest} runs it.)
 */
class WebhookReceiversAgainstTheServerTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a receiver's secret, 32 bytes...".getBytes(StandardCharsets.US_ASCII));

    private static TestApp app;
    private static Sender sender;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.h2(), Map.of());
        sender = app.sender("10.00");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "node", "php"})
    void theReceiverVerifiesARealDeliveryAndAnswers2xx(String language) throws Exception {
        Path examples = DocsModule.dir().resolve("src/examples");
        int port = freePort();
        List<String> command = switch (language) {
            case "python" -> List.of("python3", "-W", "error", examples.resolve("python/receiveWebhook.py").toString());
            case "node" -> List.of("node", examples.resolve("node/receiveWebhook.mjs").toString());
            default -> List.of("php", "-S", "127.0.0.1:" + port, examples.resolve("php/receiveWebhook.php").toString());
        };
        assumeTrue(ExamplesAgainstTheServerTest.onPath(command.get(0)), command.get(0) + " is not installed");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JUMBE_WEBHOOK_SECRET", SECRET);
        builder.environment().put("PORT", Integer.toString(port));
        Process receiver = builder.start();
        StringBuffer output = new StringBuffer();
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch verified = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.contains("listening on") || line.contains("started")) {
                        listening.countDown();
                    }
                    if (line.contains("verified webhook.test")) {
                        verified.countDown();
                    }
                }
            } catch (IOException e) {
                listening.countDown();
            }
        });
        reader.start();
        try {
            assertThat(listening.await(30, TimeUnit.SECONDS)).as(output.toString()).isTrue();
            assertThat(sender.put("/webhooks/config", "{\"webhook_url\": \"http://127.0.0.1:" + port
                    + "/\", \"webhook_secret\": \"" + SECRET + "\", \"events\": [\"balance.updated\"]}").status())
                    .isEqualTo(200);

            Http.Response test = sender.post("/webhooks/test", "");

            assertThat(test.status()).as(test.body()).isEqualTo(200);
            assertThat(test.json().get("success").asBoolean()).as(test.body() + "\n" + output).isTrue();
            assertThat(test.json().get("http_status").asInt()).as(test.body()).isBetween(200, 299);
            assertThat(verified.await(30, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        } finally {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
