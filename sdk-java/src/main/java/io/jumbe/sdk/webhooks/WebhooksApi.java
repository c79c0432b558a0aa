package io.jumbe.sdk.webhooks;

import io.jumbe.sdk.internal.ListAnswer;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/**
 * The webhook endpoints, relative to {@code /api/{client_id}/}; ids come encoded by {@code ApiCalls.pathSegment}.
 * A POST without parameters still sends {@code {}} as its JSON body.
 */
interface WebhooksApi {
    @GET("webhooks/config")
    Call<WebhookConfig> getConfig();

    @PUT("webhooks/config")
    Call<WebhookConfig> putConfig(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @DELETE("webhooks/config")
    Call<WebhookConfig> deleteConfig(@Header("Idempotency-Key") String key);

    @POST("webhooks/secret/rotate")
    Call<SecretRotation> rotateSecret(@Body Map<String, Object> empty, @Header("Idempotency-Key") String key);

    @POST("webhooks/test")
    Call<WebhookTestResult> test(@Body Map<String, Object> empty, @Header("Idempotency-Key") String key);

    @GET("webhooks/deliveries")
    Call<ListAnswer<WebhookDelivery>> deliveries(@QueryMap Map<String, String> query);

    @GET("webhooks/deliveries/{delivery_id}")
    Call<WebhookDelivery> delivery(@Path(value = "delivery_id", encoded = true) String deliveryId);

    @POST("webhooks/deliveries/{delivery_id}/retry")
    Call<WebhookDelivery> retry(@Path(value = "delivery_id", encoded = true) String deliveryId,
                                @Body Map<String, Object> empty, @Header("Idempotency-Key") String key);
}
