// Usage per day over a range (every day, zeros included). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class AnalyticsDaily {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var days = client.analytics().daily(java.time.LocalDate.parse("2025-10-01"), java.time.LocalDate.parse("2025-10-09"));
        days.forEach(System.out::println);
    }
}
