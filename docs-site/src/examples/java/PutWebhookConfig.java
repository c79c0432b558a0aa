// Set the webhook URL and events. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.WebhookConfigParams;
import java.util.List;

public class PutWebhookConfig {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var config = client.webhooks().put(WebhookConfigParams.builder()
                .webhookUrl("https://crm.example.co.ke/jumbe/webhooks")
                .events(List.of("balance.updated", "message.delivered", "message.failed",
                        "topup.completed", "topup.failed"))
                .build());
        // The generated secret is shown only in this response: store it now.
        System.out.println(config.webhookUrl());
    }
}
