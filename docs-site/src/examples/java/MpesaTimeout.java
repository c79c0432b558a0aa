// What Safaricom sends: a queue timeout (MPESA_CALLBACK_TOKEN). Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class MpesaTimeout {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String token = System.getenv().getOrDefault("MPESA_CALLBACK_TOKEN", "change-me");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/mpesa/timeout/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Body\": {\"stkCallback\": {\"MerchantRequestID\": \"98357-32706531-1\", \"CheckoutRequestID\": \"ws_CO_13102022155941641714596833\", \"ResultCode\": 1037, \"ResultDesc\": \"DS timeout user cannot be reached\"}}}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
