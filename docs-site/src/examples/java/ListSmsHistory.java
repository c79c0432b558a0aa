// Every delivered message, 100 per page, by cursor: the SDK asks for each page after the last id of the one before
// (starting_after), so messages sent meanwhile neither repeat nor push others out. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.sms.MessageStatus;
import io.jumbe.sdk.sms.SmsHistoryParams;
import io.jumbe.sdk.sms.SmsMessage;

public class ListSmsHistory {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        int count = 0;
        for (SmsMessage m : client.sms().historyAll(SmsHistoryParams.builder()
                .status(MessageStatus.DELIVERED)
                .perPage(100)
                .build())) {
            System.out.println(m.messageId() + " " + m.recipient() + " " + m.status());
            count++;
        }
        System.out.println(count + " delivered");
    }
}
