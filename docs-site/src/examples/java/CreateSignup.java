// Apply for an account (no API key): Jumbe emails a verification link. Not part of the SDK (it needs a key):
// plain java.net.http.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class CreateSignup {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Falley Medical Center\", \"email\": "
                        + "\"ops@falley.co.ke\", \"phone\": \"0712345678\", \"sender_id\": \"FALLEY-MED\", "
                        + "\"use_case\": \"appointment reminders\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
