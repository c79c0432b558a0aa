// The WhatsApp templates you can send, with their category and parameter count. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class ListWhatsAppTemplates {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        for (var t : client.whatsapp().templates()) {
            System.out.println(t.name() + " (" + t.language() + ", " + t.category() + ", " + t.parameters() + " parameters)");
        }
    }
}
