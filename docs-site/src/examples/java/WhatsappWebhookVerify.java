// What Meta sends when the callback URL is set up: the verification challenge (WHATSAPP_VERIFY_TOKEN).
// Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class WhatsappWebhookVerify {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String token = System.getenv("WHATSAPP_VERIFY_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set WHATSAPP_VERIFY_TOKEN first.");
            System.exit(1);
        }
        String query = "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/whatsapp?" + query)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
