// List the numbers that opted out. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.contacts.OptOutsService;

public class ListOptOuts {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        client.optOuts().list(OptOutsService.Params.none()).data()
                .forEach(o -> System.out.println(o.phone() + " " + o.source() + " " + o.optedOutAt()));
    }
}
