package io.jumbe.sdk.account;

import io.jumbe.sdk.wallet.Balance;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PUT;

/** The account endpoints, relative to {@code /api/{client_id}/}. */
interface AccountApi {
    @GET("account")
    Call<Account> get();

    @GET("client/balance")
    Call<Balance> balance();

    @GET("client/statistics")
    Call<AccountStatistics> statistics();

    @GET("account/notifications")
    Call<NotificationSettings> notifications();

    @PUT("account/notifications")
    Call<NotificationSettings> updateNotifications(@Body Map<String, Object> body,
                                                   @Header("Idempotency-Key") String key);
}
