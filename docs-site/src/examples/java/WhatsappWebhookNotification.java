// What Meta sends: a status notification, signed with the app secret (WHATSAPP_APP_SECRET) over the exact bytes.
// Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class WhatsappWebhookNotification {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String appSecret = System.getenv().getOrDefault("WHATSAPP_APP_SECRET", "simulator-app-secret");
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"200000000000001\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550984277\",\"phone_number_id\":\"100000000000001\"},\"statuses\":[{"
                + "\"id\":\"wamid.EXAMPLE\",\"status\":\"delivered\",\"timestamp\":\"1694492484\","
                + "\"recipient_id\":\"254712345678\"}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        // The signature covers these exact bytes: never re-serialise the JSON after signing it.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
