// What Onfon sends: a delivery report as a POST (ONFON_DLR_TOKEN). Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class OnfonDeliveryReportPost {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String token = System.getenv().getOrDefault("ONFON_DLR_TOKEN", "change-me");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/onfon/dlr/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\": \"7444f504-6760-43fd-9b40-2708da61d114\", \"mobile\": \"254712345678\", \"status\": \"DELIVRD\", \"errorCode\": \"000\", \"submitDate\": \"2026-04-08 09:30\", \"doneDate\": \"2026-04-08 09:31\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
