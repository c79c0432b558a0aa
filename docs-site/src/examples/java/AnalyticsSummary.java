// Usage today and this month, in Nairobi days, per channel. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class AnalyticsSummary {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var summary = client.analytics().summary();
        System.out.println("today: " + summary.today());
        System.out.println("this month: " + summary.thisMonth());
    }
}
