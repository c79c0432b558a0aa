package io.jumbe.sdk.messages;

import io.jumbe.sdk.internal.ListAnswer;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/** The cross-channel message endpoints, relative to {@code /api/{client_id}/}. */
interface MessagesApi {
    @POST("messages/send")
    Call<MessageSendResult> send(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @GET("messages/{message_id}")
    Call<ChannelMessage> get(@Path(value = "message_id", encoded = true) String messageId);

    @GET("messages")
    Call<ListAnswer<ChannelMessage>> list(@QueryMap Map<String, String> query);

    @GET("messages")
    Call<ListAnswer<InboundMessage>> inbound(@QueryMap Map<String, String> query);
}
