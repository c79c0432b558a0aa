// Where your account's emails go and which you want. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class GetNotificationSettings {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var settings = client.account().notifications().get();
        System.out.println(settings);
    }
}
