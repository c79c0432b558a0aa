// Follow one top-up (TRANSACTION_ID). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class GetTopUp {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        String transactionId = System.getenv().getOrDefault("TRANSACTION_ID", "TXN-01JB3QF7R2M4");
        var topUp = client.wallet().topUpStatus(transactionId);
        System.out.println(topUp.status());
    }
}
