// Change where your emails go and which you want (members not set keep their value). Uses the Java SDK.

import io.jumbe.sdk.JumbeClient;
import io.jumbe.sdk.account.NotificationSettingsParams;
import java.math.BigDecimal;
import java.util.List;

public class UpdateNotificationSettings {
    public static void main(String[] args) {
        JumbeClient client = JumbeClient.builder()
                .apiKey(System.getenv("JUMBE_API_KEY"))
                .clientId(Long.parseLong(System.getenv("JUMBE_CLIENT_ID")))
                .baseUrl(System.getenv().getOrDefault("JUMBE_BASE_URL", "http://localhost:8080"))
                .build();

        var settings = client.account().notifications().update(NotificationSettingsParams.builder()
                .cc(List.of("finance@falley.co.ke"))
                .lowBalanceThreshold(new BigDecimal("500.00"))
                .topupEmails(false)
                .build());
        System.out.println(settings);
    }
}
