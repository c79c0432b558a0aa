package io.jumbe.core.whatsapp;

/**
 * Where and as whom the Graph API client calls.
 *
 * @param baseUrl           e.g. {@code https://graph.facebook.com}, no trailing slash
 * @param apiVersion        e.g. {@code v23.0}
 * @param accessToken       the system user's token
 * @param businessAccountId the WhatsApp Business Account whose templates are listed
 */
public record GraphConfig(String baseUrl, String apiVersion, String accessToken, String businessAccountId) {
    @Override
    public String toString() {
        return "GraphConfig[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + "]";
    }
}
