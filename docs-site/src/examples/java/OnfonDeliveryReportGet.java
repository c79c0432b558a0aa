// What Onfon sends: a delivery report as a GET (ONFON_DLR_TOKEN). Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class OnfonDeliveryReportGet {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String token = System.getenv().getOrDefault("ONFON_DLR_TOKEN", "change-me");
        String query = String.join("&",
                "messageId=" + URLEncoder.encode("7444f504-6760-43fd-9b40-2708da61d114", StandardCharsets.UTF_8),
                "mobile=" + URLEncoder.encode("254712345678", StandardCharsets.UTF_8),
                "status=" + URLEncoder.encode("DELIVRD", StandardCharsets.UTF_8),
                "errorCode=" + URLEncoder.encode("000", StandardCharsets.UTF_8),
                "submitDate=" + URLEncoder.encode("2026-04-08 09:30", StandardCharsets.UTF_8),
                "doneDate=" + URLEncoder.encode("2026-04-08 09:31", StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/onfon/dlr/" + token + "?" + query))
                .GET()
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
