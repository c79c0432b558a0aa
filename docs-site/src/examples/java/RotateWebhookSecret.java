// Rotate the webhook signing secret. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class RotateWebhookSecret {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var rotated = client.webhooks().rotateSecret();
        // Shown once: store the new secret now.
        System.out.println("new secret until " + rotated.previousSecretValidUntil());
    }
}
