// List delivered messages, first page. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.sms.MessageStatus;
import io.jumbe.sdk.sms.SmsHistoryParams;

public class ListSmsHistory {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var page = client.sms().history(SmsHistoryParams.builder()
                .status(MessageStatus.DELIVERED)
                .perPage(20)
                .build());
        page.data().forEach(m -> System.out.println(m.messageId() + " " + m.recipient() + " " + m.status()));
        System.out.println(page.meta().total() + " delivered");
    }
}
