package io.jumbe.sdk.sms;

import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.SendAnswer;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/** The SMS endpoints, relative to {@code /api/{client_id}/}; ids come encoded by {@code ApiCalls.pathSegment}. */
interface SmsApi {
    @POST("sms/send")
    Call<SmsSendResult> send(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @POST("sms/send")
    Call<SendAnswer> sendBulk(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @POST("sms/quote")
    Call<SmsQuote> quote(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @GET("sms/status/{message_id}")
    Call<SmsMessage> status(@Path(value = "message_id", encoded = true) String messageId);

    @GET("sms/history")
    Call<ListAnswer<SmsMessage>> history(@QueryMap Map<String, String> query);

    @GET("sms/statistics")
    Call<SmsStatistics> statistics(@QueryMap Map<String, String> query);

    @GET("sms/statistics")
    Call<SmsStatisticsOverview> statisticsOverview();

    @DELETE("sms/{message_id}")
    Call<SmsMessage> cancel(@Path(value = "message_id", encoded = true) String messageId,
                            @Header("Idempotency-Key") String key);
}
