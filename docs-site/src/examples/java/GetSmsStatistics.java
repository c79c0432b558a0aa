// SMS statistics for today and this month. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.sms.SmsStatisticsOverview;

public class GetSmsStatistics {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        SmsStatisticsOverview statistics = client.sms().statisticsOverview();
        System.out.println("today: " + statistics.today().total() + " messages, KES " + statistics.today().cost());
        System.out.println("this month: " + statistics.thisMonth().total() + " messages, KES "
                + statistics.thisMonth().cost());
    }
}
