package io.jumbe.sdk.sandbox;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/** The sandbox endpoint, relative to {@code /api/{client_id}/}. */
interface SandboxApi {
    @POST("sandbox/reset")
    Call<SandboxReset> reset(@Body Map<String, Object> body);
}
