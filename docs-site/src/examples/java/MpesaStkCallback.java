// What Safaricom sends: an STK Push result (MPESA_CALLBACK_TOKEN). Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class MpesaStkCallback {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String token = System.getenv().getOrDefault("MPESA_CALLBACK_TOKEN", "change-me");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/mpesa/callback/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Body\": {\"stkCallback\": {\"MerchantRequestID\": \"68441-128341933-1\", \"CheckoutRequestID\": \"ws_CO_17112022155511840796440427\", \"ResultCode\": 1032, \"ResultDesc\": \"Request cancelled by user\"}}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
