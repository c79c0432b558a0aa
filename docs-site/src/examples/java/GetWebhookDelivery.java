// One webhook delivery with its attempts (DELIVERY_ID). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class GetWebhookDelivery {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        String deliveryId = System.getenv().getOrDefault("DELIVERY_ID", "WH-01JB3QK4T9V2");
        var delivery = client.webhooks().delivery(deliveryId);
        System.out.println(delivery);
    }
}
