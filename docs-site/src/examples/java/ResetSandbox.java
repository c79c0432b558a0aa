// Reset test mode (use your sk_test_ key): KES 1,000.00 again, test data cleared. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class ResetSandbox {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        if (!client.isTestMode()) {
            System.err.println("Set JUMBE_API_KEY to your sk_test_ key: only test mode can be reset.");
            System.exit(1);
        }
        var reset = client.sandbox().reset();
        System.out.println(reset);
    }
}
