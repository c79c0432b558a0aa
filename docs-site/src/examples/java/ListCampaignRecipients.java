// A campaign's failed recipients (CAMPAIGN_ID, from createCampaign). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.campaigns.CampaignsService;

public class ListCampaignRecipients {
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

        client.campaigns().recipients(System.getenv("CAMPAIGN_ID"), "failed", CampaignsService.Params.none())
                .data().forEach(r -> System.out.println(r.recipient() + " " + r.reason()));
    }
}
