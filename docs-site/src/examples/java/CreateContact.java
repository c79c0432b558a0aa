// Add a contact to the phone book. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.contacts.ContactParams;

public class CreateContact {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var contact = client.contacts().create(ContactParams.builder(
                System.getenv().getOrDefault("CONTACT_PHONE", "0712345678"))
                .name("Amina Otieno").attribute("student", "Baraka").attribute("form", "2")
                .groups(java.util.List.of("parents-form-2")).build());
        System.out.println(contact.contactId());
    }
}
