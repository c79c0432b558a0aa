package io.jumbe.sdk.wallet;

import io.jumbe.sdk.internal.ListAnswer;
import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;
import retrofit2.http.Streaming;

/** The wallet endpoints, relative to {@code /api/{client_id}/}; ids come encoded by {@code ApiCalls.pathSegment}. */
interface WalletApi {
    @GET("client/balance")
    Call<Balance> balance();

    @POST("wallet/topup")
    Call<TopUpResult> topUp(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @GET("wallet/topup/{transaction_id}")
    Call<TopUp> topUpStatus(@Path(value = "transaction_id", encoded = true) String transactionId);

    @GET("wallet/transactions")
    Call<ListAnswer<WalletTransaction>> transactions(@QueryMap Map<String, String> query);

    /** The same journal as CSV, whatever its size: {@code @Streaming} hands over the body unread. */
    @Streaming
    @Headers("Accept: text/csv")
    @GET("wallet/transactions")
    Call<ResponseBody> transactionsCsv(@QueryMap Map<String, String> query);

    @POST("wallet/topup/manual")
    Call<ManualTopUpResult> manualTopUp(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);
}
