// List campaigns. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.campaigns.CampaignsService;

public class ListCampaigns {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        client.campaigns().list(CampaignsService.Params.none()).data()
                .forEach(c -> System.out.println(c.campaignId() + " " + c.status()));
    }
}
