// Top up KES 1000 with M-Pesa STK Push. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.TopUpParams;

public class TopUp {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var topUp = client.wallet().topUp(TopUpParams.builder()
                .amount(1000)
                .phoneNumber("254712345678")
                .build());
        System.out.println(topUp.transactionId() + " " + topUp.status());
    }
}
