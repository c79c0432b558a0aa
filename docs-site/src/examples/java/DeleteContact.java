// Delete a contact (CONTACT_ID, from createContact). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class DeleteContact {
    public static void main(String[] args) {
        if (System.getenv("CONTACT_ID") == null) {
            System.err.println("Set CONTACT_ID first: export CONTACT_ID=CON-...");
            System.exit(1);
        }
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        client.contacts().delete(System.getenv("CONTACT_ID"));
        System.out.println("deleted");
    }
}
