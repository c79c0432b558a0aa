// Price an SMS without sending it. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.SmsSendParams;
import java.util.List;

public class QuoteSms {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var quote = client.sms().quote(SmsSendParams.builder()
                .recipients(List.of("254712345678", "254722000111"))
                .message("Habari! Kliniki itafunguliwa saa mbili asubuhi.")
                .build());
        System.out.println(quote);
    }
}
