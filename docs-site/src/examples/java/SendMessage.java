// Send a WhatsApp template (order_update, two body parameters). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.messages.SendMessageParams;

public class SendMessage {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var sent = client.messages().send(SendMessageParams.whatsappTemplate("order_update", "en", "Amina", "ORD-1182")
                .recipient("254712345678")
                .build());
        System.out.println(sent.messageId() + " " + sent.category() + " KES " + sent.cost());
    }
}
