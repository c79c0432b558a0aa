package io.jumbe.sdk.account;

import io.jumbe.sdk.wallet.Balance;
import retrofit2.Call;
import retrofit2.http.GET;

/** The account endpoints, relative to {@code /api/{client_id}/}. */
interface AccountApi {
    @GET("account")
    Call<Account> get();

    @GET("client/balance")
    Call<Balance> balance();

    @GET("client/statistics")
    Call<AccountStatistics> statistics();
}
