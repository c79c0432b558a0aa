package io.jumbe.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver written on a stock HTTP server, as tenants write them, run as a child process: Python's
 * {@code http.server} ({@link #python()}) or Node's {@code http} ({@link #node()}). It answers 200 to every POST and
 * remembers each {@code webhook-id}. Empty when the interpreter is not installed, so tests can skip.
 */
public final class StockReceiver implements AutoCloseable {

    private final String name;
    private final Process process;
    private final String url;
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    private StockReceiver(String name, Process process, String url) {
        this.name = name;
        this.process = process;
        this.url = url;
    }

    /** Python's {@code BaseHTTPRequestHandler} as its docs show it: HTTP/1.0, closes after each answer. */
    public static Optional<StockReceiver> python() throws IOException {
        return start("python3", "stock_receiver.py");
    }

    /** Node's {@code http.createServer}: keep-alive sockets closed after 5 s idle. */
    public static Optional<StockReceiver> node() throws IOException {
        return start("node", "stock_receiver.js");
    }

    /** {@code python3} or {@code node}. */
    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:PORT/hook}. */
    public String url() {
        return url;
    }

    /** Waits until {@code count} distinct webhook ids have arrived (the receiver's output is read on a thread). */
    public Set<String> awaitReceived(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Set.copyOf(received);
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static Optional<StockReceiver> start(String interpreter, String script) throws IOException {
        if (!available(interpreter)) {
            return Optional.empty();
        }
        Path file = Files.createTempFile("jumbe-" + interpreter, script.substring(script.lastIndexOf('.')));
        file.toFile().deleteOnExit();
        try (InputStream in = StockReceiver.class.getResourceAsStream("/receivers/" + script)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        Process process = new ProcessBuilder(interpreter, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            process.destroy();
            throw new IllegalStateException(script + " did not start: " + ready);
        }
        StockReceiver receiver = new StockReceiver(interpreter, process,
                "http://127.0.0.1:" + ready.substring(6).trim() + "/hook");
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("received ")) {
                        receiver.received.add(line.substring(9).trim());
                    }
                }
            } catch (IOException ended) {
                // the process was stopped
            }
        }, script + "-output");
        reader.setDaemon(true);
        reader.start();
        return Optional.of(receiver);
    }

    private static boolean available(String command) {
        try {
            Process probe = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
