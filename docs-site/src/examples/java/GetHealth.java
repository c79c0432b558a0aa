// Check the server's health. Not part of the SDK: plain java.net.http.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class GetHealth {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .GET()
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
