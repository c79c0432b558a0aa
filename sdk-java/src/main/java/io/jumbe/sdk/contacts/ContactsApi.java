package io.jumbe.sdk.contacts;

import io.jumbe.sdk.internal.ListAnswer;
import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Streaming;

/** The phone-book endpoints, relative to {@code /api/{client_id}/}; ids come encoded by {@code ApiCalls.pathSegment}. */
interface ContactsApi {
    @POST("contacts")
    Call<Contact> create(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @GET("contacts")
    Call<ListAnswer<Contact>> list(@QueryMap Map<String, String> query);

    @Streaming
    @Headers("Accept: text/csv")
    @GET("contacts")
    Call<ResponseBody> export(@QueryMap Map<String, String> query);

    @GET("contacts/{contact_id}")
    Call<Contact> get(@Path(value = "contact_id", encoded = true) String id);

    @PATCH("contacts/{contact_id}")
    Call<Contact> update(@Path(value = "contact_id", encoded = true) String id, @Body Map<String, Object> body);

    @DELETE("contacts/{contact_id}")
    Call<Void> delete(@Path(value = "contact_id", encoded = true) String id);

    @POST("contacts/import")
    Call<ContactImport> startImport(@Query("group") String group, @Body RequestBody csv);

    @GET("contacts/import/{import_id}")
    Call<ContactImport> importStatus(@Path(value = "import_id", encoded = true) String id);

    @GET("groups")
    Call<ListAnswer<Group>> groups();

    @DELETE("groups/{name}")
    Call<Void> deleteGroup(@Path(value = "name", encoded = true) String name);

    @GET("opt-outs")
    Call<ListAnswer<OptOut>> optOuts(@QueryMap Map<String, String> query);

    @POST("opt-outs")
    Call<OptOut> optOut(@Body Map<String, Object> body, @Header("Idempotency-Key") String key);

    @DELETE("opt-outs/{phone}")
    Call<Void> optIn(@Path(value = "phone", encoded = true) String phone);
}
