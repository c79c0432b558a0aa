// Launch a draft: one charge, then sending (CAMPAIGN_ID, from createCampaign). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class LaunchCampaign {
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

        var c = client.campaigns().launch(System.getenv("CAMPAIGN_ID"));
        System.out.println(c.status() + ", charged KES " + c.charged());
    }
}
