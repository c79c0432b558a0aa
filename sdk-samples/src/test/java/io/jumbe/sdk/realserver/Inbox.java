package io.jumbe.sdk.realserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's webhook receiver for the tests: a real HTTP server on a free local port that keeps each delivery's raw
 * bytes and headers and answers with the status it is told to.
 */
final class Inbox implements AutoCloseable {

    /** One delivery as it arrived: headers (names lower-cased) and the body's exact bytes. */
    record Delivery(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LinkedBlockingQueue<Delivery> arrivals = new LinkedBlockingQueue<>();
    private volatile int answer = 200;

    Inbox() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Answers later deliveries with this status. */
    void answer(int status) {
        this.answer = status;
    }

    /** The next delivery, waiting for it; fails the test if none comes in time. */
    Delivery next(Duration timeout) {
        try {
            Delivery d = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (d == null) {
                throw new AssertionError("no delivery arrived within " + timeout);
            }
            return d;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next delivery of the given event, skipping others. */
    Delivery next(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                throw new AssertionError("no " + event + " delivery arrived within " + timeout);
            }
            Delivery d = next(left);
            if (event.equals(d.header("X-Webhook-Event"))) {
                return d;
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            arrivals.add(new Delivery(headers, body));
            byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
