package io.jumbe.sdk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jumbe.sdk.MockApi;
import io.jumbe.sdk.errors.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsServiceTest {
    private static final String SETTINGS = "{\"email\":\"ops@falley.co.ke\",\"cc\":[\"finance@falley.co.ke\"],"
            + "\"low_balance_threshold\":500.00,\"emails\":{\"low_balance\":true,\"topup\":false,\"webhooks\":true}}";
    private MockApi api;

    @BeforeEach
    void start() throws Exception {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void getReadsWhereTheEmailsGoAndWhichAreWanted() throws Exception {
        api.json(200, SETTINGS);

        NotificationSettings settings = api.client.account().notifications().get();

        var request = api.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/2/account/notifications");
        assertThat(settings).isEqualTo(new NotificationSettings("ops@falley.co.ke", List.of("finance@falley.co.ke"),
                new BigDecimal("500.00"), new NotificationSettings.EmailSwitches(true, false, true)));
    }

    @Test
    void updatePutsOnlyTheMembersSetWithAnIdempotencyKey() throws Exception {
        api.json(200, SETTINGS);

        NotificationSettings settings = api.client.account().notifications().update(NotificationSettingsParams.builder()
                .cc(List.of("finance@falley.co.ke")).lowBalanceThreshold(new BigDecimal("500.00")).topupEmails(false)
                .build());

        var request = api.take();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/api/2/account/notifications");
        assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(MockApi.body(request)).isEqualTo("{\"cc\":[\"finance@falley.co.ke\"],"
                + "\"low_balance_threshold\":500.00,\"emails\":{\"topup\":false}}");
        assertThat(settings.emails().topup()).isFalse();
    }

    @Test
    void aBadAddressIsAValidationException() throws Exception {
        api.problem(400, "validation_failed", null, null);

        assertThatThrownBy(() -> api.client.account().notifications().update(NotificationSettingsParams.builder()
                .email("not an address").build())).isInstanceOf(ValidationException.class);
    }

    @Test
    void anEmptyChangeIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> NotificationSettingsParams.builder().build()).isInstanceOf(IllegalStateException.class);
    }
}
