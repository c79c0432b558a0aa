package io.jumbe.sdk.account;

import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.wallet.Balance;
import java.util.Objects;

/**
 * The account view under {@code /api/{client_id}/account} and {@code /api/{client_id}/client}. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#account()}. Thread-safe.
 */
public final class AccountService {
    private final ApiCalls calls;
    private final AccountApi api;
    private final NotificationsService notifications;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public AccountService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(AccountApi.class);
        this.notifications = new NotificationsService(calls, api);
    }

    /**
     * The account's tier and rate limit, price per segment, sender ids, low-balance threshold, and whether this
     * client's key is a live or a test key ({@code GET /account}).
     *
     * @return the account
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Account get() {
        return calls.execute(api.get());
    }

    /**
     * The account's email settings: where the emails go and which are wanted.
     *
     * @return the notifications service
     */
    public NotificationsService notifications() {
        return notifications;
    }

    /**
     * The wallet balance and what it buys ({@code GET /client/balance}).
     *
     * @return the balance
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Balance balance() {
        return calls.execute(api.balance());
    }

    /**
     * This month's messages, spend, top-ups and the balance ({@code GET /client/statistics}).
     *
     * @return the statistics
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public AccountStatistics statistics() {
        return calls.execute(api.statistics());
    }
}
