// Download the wallet journal as CSV. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.TransactionListParams;

public class DownloadTransactionsCsv {
    public static void main(String[] args) throws Exception {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Integer.parseInt(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        try (var out = java.nio.file.Files.newOutputStream(java.nio.file.Path.of("transactions.csv"))) {
            client.wallet().downloadTransactionsCsv(TransactionListParams.builder()
                    .fromDate("2025-10-01")
                    .build(), out);
        }
        System.out.println("saved transactions.csv");
    }
}
