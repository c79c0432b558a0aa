package io.jumbe.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jumbe.sdk.webhooks.Webhook;
import io.jumbe.sdk.webhooks.WebhookEvent;
import io.jumbe.sdk.webhooks.WebhookVerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A small HTTP server that verifies each webhook delivery with the SDK and prints it. Env: PORT (default 9000),
 * JUMBE_WEBHOOK_SECRET (the {@code whsec_…} from {@code client.webhooks().putConfig(...)}). Point the account's
 * webhook URL at {@code http://<this host>:PORT/webhooks}.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /**
     * Runs the receiver until the process is stopped.
     *
     * @param args ignored
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        try {
            start(System.getenv(), System.out);
        } catch (SampleEnv.MissingSetting e) {
            System.out.println("error: " + e.getMessage());
            System.exit(2);
        }
        new CountDownLatch(1).await();
    }

    /** Starts the receiver; PORT=0 picks a free port. */
    static WebhookReceiver start(Map<String, String> env, PrintStream out) {
        Webhook webhook = new Webhook(SampleEnv.require(env, "JUMBE_WEBHOOK_SECRET"));
        int port = Integer.parseInt(SampleEnv.get(env, "PORT", "9000"));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new SampleEnv.MissingSetting("cannot listen on port " + port + ": " + e.getMessage());
        }
        server.createContext("/", exchange -> handle(webhook, exchange, out));
        server.start();
        out.println("listening on http://localhost:" + server.getAddress().getPort() + "/webhooks");
        return new WebhookReceiver(server);
    }

    private static void handle(Webhook webhook, HttpExchange exchange, PrintStream out) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "POST only");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                WebhookEvent event = webhook.verify(body, exchange.getRequestHeaders());
                out.println("verified " + event.type() + " " + event.id() + " #" + event.sequence() + ": "
                        + describe(event));
                reply(exchange, 200, "ok");
            } catch (WebhookVerificationException e) {
                out.println("rejected delivery: " + e.reason() + " (" + e.getMessage() + ")");
                reply(exchange, 400, "invalid signature");
            }
        }
    }

    static String describe(WebhookEvent event) {
        if (event instanceof WebhookEvent.BalanceUpdated e) {
            return "balance " + e.data().oldBalance() + " -> " + e.data().newBalance() + " (" + e.data().cause() + ")";
        } else if (event instanceof WebhookEvent.MessageSent e) {
            return e.data().messageId() + " sent to " + e.data().recipient();
        } else if (event instanceof WebhookEvent.MessageDelivered e) {
            return e.data().messageId() + " delivered to " + e.data().recipient();
        } else if (event instanceof WebhookEvent.MessageFailed e) {
            return e.data().messageId() + " failed: " + (e.data().error() == null ? "no reason given"
                    : e.data().error().code() + " " + e.data().error().description());
        } else if (event instanceof WebhookEvent.TopUpCompleted e) {
            return e.data().transactionId() + " completed, KES " + e.data().amount() + ", receipt "
                    + e.data().mpesaReceipt();
        } else if (event instanceof WebhookEvent.TopUpFailed e) {
            return e.data().transactionId() + " failed: " + e.data().failureReason();
        } else if (event instanceof WebhookEvent.WebhookTest e) {
            return "test " + e.dataJson();
        } else if (event instanceof WebhookEvent.Unknown e) {
            return "unknown event " + e.dataJson();
        }
        return event.toString();
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** The port the receiver listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
