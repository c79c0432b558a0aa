// List credits in the wallet journal. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.wallet.TransactionListParams;
import io.jumbe.sdk.wallet.TransactionType;

public class ListTransactions {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var page = client.wallet().transactions(TransactionListParams.builder()
                .type(TransactionType.CREDIT)
                .perPage(20)
                .build());
        page.data().forEach(t -> System.out.println(t.transactionId() + " " + t.type() + " " + t.amount()));
    }
}
