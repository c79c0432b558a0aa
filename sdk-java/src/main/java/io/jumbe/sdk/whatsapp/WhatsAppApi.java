package io.jumbe.sdk.whatsapp;

import retrofit2.Call;
import retrofit2.http.GET;

/** The WhatsApp endpoints, relative to {@code /api/{client_id}/}. */
interface WhatsAppApi {
    @GET("whatsapp/templates")
    Call<TemplateList> templates();

    /** The answer's envelope. */
    record TemplateList(java.util.List<WhatsAppTemplate> data) {
    }
}
