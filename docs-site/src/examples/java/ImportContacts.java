// Import contacts from CSV into a group. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class ImportContacts {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var csv = "phone,name,student,groups\r\n0712345678,\"Otieno, Amina\",Baraka,parents-form-2\r\n";
        var result = client.contacts().importAndWait(
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "parents-form-2", java.time.Duration.ofMinutes(5));
        System.out.println(result.status() + ": " + result.created() + " created, " + result.updated()
                + " updated, " + result.skipped() + " skipped");
    }
}
