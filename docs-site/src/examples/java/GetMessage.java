// Follow one message of either channel (MESSAGE_ID). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class GetMessage {
    public static void main(String[] args) {
        String messageId = System.getenv("MESSAGE_ID");
        if (messageId == null || messageId.isBlank()) {
            System.err.println("Set MESSAGE_ID first (export MESSAGE_ID=MSG-… from the send answer).");
            System.exit(1);
        }
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var message = client.messages().get(messageId);
        System.out.println(message.channel() + " " + message.status());
    }
}
