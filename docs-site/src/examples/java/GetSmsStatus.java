// Follow one message (MESSAGE_ID). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class GetSmsStatus {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        String messageId = System.getenv().getOrDefault("MESSAGE_ID", "MSG-01JB3Q8Z5K7W");
        var message = client.sms().status(messageId);
        System.out.println(message.status());
    }
}
