package io.jumbe.sdk.whatsapp;

import io.jumbe.sdk.internal.ApiCalls;
import java.util.List;
import java.util.Objects;

/**
 * WhatsApp-only views under {@code /api/{client_id}/whatsapp}; send with {@link io.jumbe.sdk.JumbeClient#messages()}.
 * Obtain it from {@link io.jumbe.sdk.JumbeClient#whatsapp()}. Thread-safe.
 */
public final class WhatsAppService {
    private final ApiCalls calls;
    private final WhatsAppApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public WhatsAppService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(WhatsAppApi.class);
    }

    /**
     * The templates you can name in a send ({@code GET /whatsapp/templates}).
     *
     * @return the templates
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public List<WhatsAppTemplate> templates() {
        List<WhatsAppTemplate> data = calls.execute(api.templates()).data();
        return data == null ? List.of() : List.copyOf(data);
    }
}
