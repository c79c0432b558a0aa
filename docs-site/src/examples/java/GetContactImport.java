// Follow an import (IMPORT_ID, from importContacts). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class GetContactImport {
    public static void main(String[] args) {
        if (System.getenv("IMPORT_ID") == null) {
            System.err.println("Set IMPORT_ID first: export IMPORT_ID=IMP-...");
            System.exit(1);
        }
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var status = client.contacts().importStatus(System.getenv("IMPORT_ID"));
        System.out.println(status.status() + " " + status.errors());
    }
}
