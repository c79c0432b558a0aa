package io.jumbe.sdk.account;

import io.jumbe.sdk.internal.ApiCalls;
import java.util.Objects;

/**
 * The account's email settings under {@code /api/{client_id}/account/notifications}. Obtain it from
 * {@link AccountService#notifications()}. Thread-safe.
 */
public final class NotificationsService {
    private final ApiCalls calls;
    private final AccountApi api;

    NotificationsService(ApiCalls calls, AccountApi api) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Where the emails go and which are wanted ({@code GET /account/notifications}).
     *
     * @return the settings
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public NotificationSettings get() {
        return calls.execute(api.notifications());
    }

    /**
     * Changes the settings ({@code PUT /account/notifications}); members not set keep their value. One
     * idempotency key is used for all retries of this call.
     *
     * @param params the change
     * @return the settings now
     * @throws io.jumbe.sdk.errors.ValidationException for an address that is not one (nothing changes then)
     * @throws io.jumbe.sdk.errors.JumbeException      when the call fails otherwise
     */
    public NotificationSettings update(NotificationSettingsParams params) {
        Objects.requireNonNull(params, "params");
        return calls.execute(api.updateNotifications(params.toBody(), ApiCalls.idempotencyKey(null)));
    }
}
