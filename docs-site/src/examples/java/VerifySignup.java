// Confirm the address: what opening the emailed link does. Not part of the SDK: plain java.net.http.
// export SIGNUP_TOKEN=...   (the token= value of the verification link in the email)

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

public class VerifySignup {
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080");
        String token = System.getenv("SIGNUP_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("set SIGNUP_TOKEN to the token= value of the verification link in the email");
            System.exit(1);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/signup/verify?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
    }
}
