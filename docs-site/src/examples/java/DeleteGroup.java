// Delete a group, keeping its contacts (GROUP_NAME). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class DeleteGroup {
    public static void main(String[] args) {
        if (System.getenv("GROUP_NAME") == null) {
            System.err.println("Set GROUP_NAME first: export GROUP_NAME=old-list");
            System.exit(1);
        }
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        client.groups().delete(System.getenv("GROUP_NAME"));
        System.out.println("deleted");
    }
}
