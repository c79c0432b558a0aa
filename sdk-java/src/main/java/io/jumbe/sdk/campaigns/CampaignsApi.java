package io.jumbe.sdk.campaigns;

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

/** The campaign endpoints, relative to {@code /api/{client_id}/}. */
interface CampaignsApi {
    @POST("campaigns")
    Call<Campaign> create(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @GET("campaigns")
    Call<ListAnswer<Campaign>> list(@QueryMap Map<String, String> query);

    @GET("campaigns/{campaign_id}")
    Call<Campaign> get(@Path(value = "campaign_id", encoded = true) String id);

    @GET("campaigns/{campaign_id}/preview")
    Call<ListAnswer<CampaignRecipient>> preview(@Path(value = "campaign_id", encoded = true) String id);

    @GET("campaigns/{campaign_id}/recipients")
    Call<ListAnswer<CampaignRecipient>> recipients(@Path(value = "campaign_id", encoded = true) String id,
                                                   @QueryMap Map<String, String> query);

    @Streaming
    @Headers("Accept: text/csv")
    @GET("campaigns/{campaign_id}/recipients")
    Call<ResponseBody> recipientsCsv(@Path(value = "campaign_id", encoded = true) String id,
                                     @QueryMap Map<String, String> query);

    @POST("campaigns/{campaign_id}/{action}")
    Call<Campaign> act(@Path(value = "campaign_id", encoded = true) String id,
                       @Path(value = "action", encoded = true) String action, @Body Map<String, Object> body,
                       @Header("Idempotency-Key") String key);
}
