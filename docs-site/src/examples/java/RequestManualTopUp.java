// Ask for a manual top-up. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.ManualTopUpParams;
import io.jumbe.sdk.TopUpParams;
import java.math.BigDecimal;

public class RequestManualTopUp {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var request = client.wallet().manualTopUp(ManualTopUpParams.builder()
                .amount(new BigDecimal("5000.00"))
                .reference("bank slip 123")
                .note("Paid at Equity Bank, Nyeri branch")
                .build());
        System.out.println(request.transactionId());
    }
}
