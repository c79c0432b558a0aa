// A minimal webhook receiver for your machine: the JDK's HTTP server and the SDK's Webhook (Java 17+).
//   export JUMBE_WEBHOOK_SECRET=whsec_...   # the secret PUT /webhooks/config answered
//   java -cp jumbe-sdk.jar ReceiveWebhook.java   # listens on http://127.0.0.1:8000/ (PORT to change)
// It verifies the signature over the raw body, ignores an event it has already seen (same webhook-id) and
// answers 204 at once; do slow work after answering (Jumbe waits 15 s at most).
import com.sun.net.httpserver.HttpServer;
import io.jumbe.sdk.webhooks.Webhook;
import io.jumbe.sdk.webhooks.WebhookEvent;
import io.jumbe.sdk.webhooks.WebhookVerificationException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public class ReceiveWebhook {
    public static void main(String[] args) throws Exception {
        String secret = System.getenv("JUMBE_WEBHOOK_SECRET");
        if (secret == null || secret.isEmpty()) {
            System.err.println("export JUMBE_WEBHOOK_SECRET=whsec_... first");
            System.exit(1);
        }
        Webhook webhook = new Webhook(secret);
        Set<String> seen = ConcurrentHashMap.newKeySet(); // keep them in your database in production
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] rawBody = exchange.getRequestBody().readAllBytes();
                try {
                    WebhookEvent event = webhook.verify(rawBody, exchange.getRequestHeaders());
                    if (seen.add(event.id())) {
                        System.out.println("verified " + event.type() + " " + event.id() + " sequence " + event.sequence());
                    }
                    exchange.sendResponseHeaders(204, -1);
                } catch (WebhookVerificationException e) {
                    exchange.sendResponseHeaders(400, -1);
                }
            }
        });
        server.start();
        System.out.println("listening on " + server.getAddress().getPort());
    }
}
