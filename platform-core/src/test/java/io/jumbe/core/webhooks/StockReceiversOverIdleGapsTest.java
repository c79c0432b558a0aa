package io.jumbe.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private final List<Process> processes = new ArrayList<>();
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

    @AfterEach
    void stop() {
        processes.forEach(Process::destroy);
    }

    @Test
    void pythonAndNodeReceiversGetEveryDeliveryAcrossIdleGaps() throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        if (available("python3")) {
            receivers.add(start("python3", "stock_receiver.py"));
        }
        if (available("node")) {
            receivers.add(start("node", "stock_receiver.js"));
        }
        assumeTrue(!receivers.isEmpty(), "neither python3 nor node is installed");

        List<String> failures = new ArrayList<>();
        try (WebhookSender sender = new WebhookSender(new WebhookUrlGuard(HostResolver.system(), true, false),
                Duration.ofSeconds(5), "test")) {
            for (int i = 0; i < GAPS.length; i++) {
                // Real idle time on real sockets: the receivers' own timers are what is under test.
                Thread.sleep(TimeUnit.SECONDS.toMillis(GAPS[i]));
                for (Receiver receiver : receivers) {
                    String id = "WH-" + receiver.name + "-" + i;
                    AttemptResult result = sender.send(new WebhookMessage(receiver.url, id, "balance.updated",
                            WebhookPayload.of("balance.updated", 2, Instant.now(), i, Map.of("n", i)).toBytes(),
                            List.of(secret)));
                    if (!result.success()) {
                        failures.add(id + " after " + GAPS[i] + " s idle: " + result.error());
                    }
                }
            }
        }

        assertThat(failures).as("failed attempts").isEmpty();
        for (Receiver receiver : receivers) {
            // The receiver prints before it answers; its output is read on another thread.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (receiver.received.size() < GAPS.length && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(receiver.received).as(receiver.name + " received").hasSize(GAPS.length);
        }
    }

    private static boolean available(String command) {
        try {
            Process probe = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Receiver start(String interpreter, String script) throws IOException, URISyntaxException {
        Path path = Path.of(getClass().getResource("/receivers/" + script).toURI());
        Process process = new ProcessBuilder(interpreter, path.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).as(script + " started").startsWith("ready ");
        Receiver receiver = new Receiver(interpreter, "http://127.0.0.1:" + ready.substring(6).trim() + "/hook");
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("received ")) {
                        receiver.received.add(line.substring(9).trim());
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, script + "-output");
        reader.setDaemon(true);
        reader.start();
        return receiver;
    }

    private static final class Receiver {
        final String name;
        final String url;
        final Set<String> received = ConcurrentHashMap.newKeySet();

        Receiver(String name, String url) {
            this.name = name;
            this.url = url;
        }
    }
}
