package example.crm;

import com.sun.net.httpserver.HttpServer;
import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.sms.SendSmsParams;
import io.jumbe.sdk.sms.SmsSendResult;
import io.jumbe.sdk.webhooks.Webhook;
import io.jumbe.sdk.webhooks.WebhookConfigParams;
import io.jumbe.sdk.webhooks.WebhookEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a CRM does with the SDK: subscribe to {@code message.sent}, send an SMS, and verify the webhook that reports
 * it. Prints one line per step for ReleasedSdkConsumerIT; exits non-zero on any failure.
 *
 * <p>Arguments: the server's base URL, the sender's client id, its API key.
 */
public final class Crm {
    private record Delivery(byte[] body, Map<String, List<String>> headers) {
    }

    public static void main(String[] args) throws Exception {
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/jumbe-webhooks", exchange -> {
            try (exchange) {
                deliveries.add(new Delivery(exchange.getRequestBody().readAllBytes(), Map.copyOf(exchange.getRequestHeaders())));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            JumbeClient client = JumbeClient.builder()
                    .baseUrl(args[0]).clientId(Long.parseLong(args[1])).apiKey(args[2]).build();
            System.out.println("CRM sdk version " + JumbeClient.version());

            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/jumbe-webhooks";
            String secret = client.webhooks().putConfig(WebhookConfigParams.builder()
                    .webhookUrl(url).addEvent("message.sent").build()).webhookSecret();

            SmsSendResult sent = client.sms().send(SendSmsParams.builder()
                    .recipient("0712345678").message("Your appointment is at 10:00").build());
            System.out.println("CRM sent " + sent.messageId() + " to " + sent.recipient() + " status " + sent.status());

            Delivery d = deliveries.poll(60, TimeUnit.SECONDS);
            if (d == null) {
                throw new IllegalStateException("no webhook arrived within 60 seconds");
            }
            WebhookEvent event = new Webhook(secret).verify(d.body(), d.headers());
            if (event instanceof WebhookEvent.MessageSent m) {
                System.out.println("CRM verified " + m.type() + " for " + m.data().messageId());
            } else {
                throw new IllegalStateException("unexpected event " + event.type());
            }
        } finally {
            receiver.stop(0);
        }
    }
}
