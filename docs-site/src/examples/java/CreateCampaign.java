// Create a personalised campaign draft for a group. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.campaigns.CampaignParams;

public class CreateCampaign {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var draft = client.campaigns().create(CampaignParams.builder("Term 3 fees",
                "Dear {{name}}, fees for {{student|your child}} are due on 5 Dec.").group("parents-form-2").build());
        System.out.println(draft.campaignId() + ": " + draft.recipients() + " recipients, KES " + draft.estimatedCost());
    }
}
