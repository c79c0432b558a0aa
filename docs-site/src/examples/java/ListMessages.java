// The replies customers sent you on WhatsApp, newest first. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.messages.MessageListParams;

public class ListMessages {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        for (var reply : client.messages().inbound(MessageListParams.none()).autoPagingIterable()) {
            System.out.println(reply.receivedAt() + " " + reply.from() + ": " + reply.text());
        }
    }
}
