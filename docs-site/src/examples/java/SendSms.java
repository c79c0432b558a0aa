// Send one SMS. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.SmsSendParams;

public class SendSms {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var result = client.sms().send(SmsSendParams.builder()
                .recipient("254712345678")
                .message("Hello from Jumbe")
                .build());
        System.out.println(result);
    }
}
