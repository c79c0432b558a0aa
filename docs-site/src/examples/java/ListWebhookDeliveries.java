// List failed webhook deliveries. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.DeliveryListParams;
import io.jumbe.sdk.JumbeClient;

public class ListWebhookDeliveries {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var page = client.webhooks().deliveries(DeliveryListParams.builder()
                .status("failed")
                .perPage(20)
                .build());
        System.out.println(page);
    }
}
