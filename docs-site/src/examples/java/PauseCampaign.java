// Pause a running campaign (CAMPAIGN_ID). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class PauseCampaign {
    public static void main(String[] args) {
        if (System.getenv("CAMPAIGN_ID") == null) {
            System.err.println("Set CAMPAIGN_ID first: export CAMPAIGN_ID=CMP-...");
            System.exit(1);
        }
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        System.out.println(client.campaigns().pause(System.getenv("CAMPAIGN_ID")).status());
    }
}
