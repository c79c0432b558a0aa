// Create a WhatsApp-template campaign draft for a group. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.campaigns.CampaignParams;

public class CreateWhatsAppCampaign {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        // each customer gets order_update with their own name and order
        var draft = client.campaigns().create(CampaignParams.whatsappTemplate("Order updates", "order_update", "en",
                "{{name}}", "{{attributes.order}}").group("customers").build());
        System.out.println(draft.campaignId() + ": " + draft.recipients() + " recipients, "
                + draft.template().category() + ", KES " + draft.estimatedCost());
    }
}
