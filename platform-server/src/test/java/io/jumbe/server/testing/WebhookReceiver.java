package io.jumbe.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jumbe.core.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A tenant's webhook receiver inside the test: a real HTTP server that keeps every request it got (headers and raw
 * body bytes) and answers what the test tells it to, or hangs until closed.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String webhookId, String timestamp, String signature, String event, String xSignature,
                           String userAgent, String contentType, byte[] body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LinkedBlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private final List<Received> all = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Received, Integer> answer = r -> 200;
    private volatile boolean hang;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Answers every request with the status the function picks. */
    public WebhookReceiver answering(Function<Received, Integer> statusFor) {
        this.answer = statusFor;
        return this;
    }

    /** Keeps every request open without answering until {@link #close()}. */
    public WebhookReceiver hanging() {
        this.hang = true;
        return this;
    }

    /** The next request, waiting up to {@code timeout}; fails the test if none comes. */
    public Received next(Duration timeout) {
        try {
            Received r = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no webhook arrived within " + timeout);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every request so far, in order of arrival. */
    public synchronized List<Received> all() {
        return List.copyOf(all);
    }

    public synchronized int count() {
        return all.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var h = exchange.getRequestHeaders();
        Received r = new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                h.getFirst("webhook-signature"), h.getFirst("X-Webhook-Event"), h.getFirst("X-Webhook-Signature"),
                h.getFirst("User-Agent"), h.getFirst("Content-Type"), body);
        synchronized (this) {
            all.add(r);
        }
        arrivals.add(r);
        if (hang) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = answer.apply(r);
        byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
