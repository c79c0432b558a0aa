package io.jumbe.sdk.account;

import io.jumbe.sdk.internal.HttpTransport;
import io.jumbe.sdk.wallet.Balance;
import java.util.Objects;

/**
 * The account view under {@code /api/{client_id}/client}. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#account()}. Thread-safe.
 */
public final class AccountService {
    private final HttpTransport http;

    /**
     * Creates the service over a transport; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param http the transport
     */
    public AccountService(HttpTransport http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * The wallet balance and what it buys ({@code GET /client/balance}).
     *
     * @return the balance
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Balance balance() {
        return http.get(Balance.class, null, "client", "balance");
    }

    /**
     * This month's messages, spend, top-ups and the balance ({@code GET /client/statistics}).
     *
     * @return the statistics
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public AccountStatistics statistics() {
        return http.get(AccountStatistics.class, null, "client", "statistics");
    }
}
