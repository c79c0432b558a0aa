// List the contacts of a group. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.contacts.ContactListParams;

public class ListContacts {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var page = client.contacts().list(ContactListParams.builder().group("parents-form-2").perPage(20).build());
        page.data().forEach(c -> System.out.println(c.contactId() + " " + c.phone() + " " + c.name()));
    }
}
