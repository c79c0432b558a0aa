// Change a contact's attributes (CONTACT_ID, from createContact). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.contacts.ContactParams;

public class UpdateContact {
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

        var contact = client.contacts().update(System.getenv("CONTACT_ID"),
                ContactParams.change().attribute("form", "3").build());
        System.out.println(contact.attributes());
    }
}
