// Opt a number out of your messages. Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class CreateOptOut {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var optOut = client.optOuts().add(System.getenv().getOrDefault("OPT_OUT_PHONE", "0722110160"),
                "asked at the school gate");
        System.out.println(optOut.phone() + " " + optOut.optedOutAt());
    }
}
