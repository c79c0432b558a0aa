// Let a number be messaged again (OPT_OUT_PHONE). Uses the Java SDK (io.jumbe:sdk-java).

import io.jumbe.sdk.JumbeClient;

public class DeleteOptOut {
    public static void main(String[] args) {
        if (System.getenv("OPT_OUT_PHONE") == null) {
            System.err.println("Set OPT_OUT_PHONE first: export OPT_OUT_PHONE=0722110160");
            System.exit(1);
        }
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        client.optOuts().remove(System.getenv("OPT_OUT_PHONE"));
        System.out.println("removed");
    }
}
