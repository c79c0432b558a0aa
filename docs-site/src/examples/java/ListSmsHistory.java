// List delivered messages, first page. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.SmsHistoryParams;

public class ListSmsHistory {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var page = client.sms().history(SmsHistoryParams.builder()
                .status("delivered")
                .perPage(20)
                .build());
        System.out.println(page);
    }
}
