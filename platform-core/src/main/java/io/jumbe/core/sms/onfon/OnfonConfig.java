package io.jumbe.core.sms.onfon;

import java.util.Objects;

/**
 * Credentials and address of the platform's one Onfon Media account.
 *
 * @param baseUrl   e.g. {@code https://api.onfonmedia.co.ke} (the client appends {@code /v1/sms/...});
 *                  a trailing slash is dropped
 * @param accessKey sent as the {@code AccessKey} header
 * @param apiKey    sent as {@code ApiKey} in the body (query for GET calls)
 * @param clientId  sent as {@code ClientId}; an opaque string (a GUID on some accounts, a username on others)
 */
public record OnfonConfig(String baseUrl, String accessKey, String apiKey, String clientId) {

    public OnfonConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(clientId, "clientId");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "OnfonConfig[baseUrl=" + baseUrl + ", clientId=" + clientId + ", accessKey=***, apiKey=***]";
    }
}
