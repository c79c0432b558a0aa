package io.jumbe.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as Standard Webhooks does: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}.
 *
 * <p>Signs the raw body bytes exactly as sent; re-serialising the JSON would produce a different signature.
 */
public final class WebhookSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {
    }

    /**
     * The {@code webhook-signature} value for one secret.
     *
     * @param secret    the tenant's secret
     * @param webhookId the {@code webhook-id} header value (same on every retry)
     * @param timestamp the {@code webhook-timestamp} header value, seconds since the epoch
     * @param body      the exact body bytes sent
     * @return {@code v1,<base64 signature>}
     */
    public static String sign(WebhookSecret secret, String webhookId, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret.keyBytes(), webhookId, timestamp, body));
    }

    /**
     * The {@code webhook-signature} value for several secrets, used while a rotated-out secret is still honoured:
     * one {@code v1,…} signature per secret, in the given order, separated by single spaces.
     *
     * @param secrets   one or more secrets
     * @param webhookId the {@code webhook-id} header value
     * @param timestamp the {@code webhook-timestamp} header value, seconds since the epoch
     * @param body      the exact body bytes sent
     * @return the space-separated signatures
     * @throws IllegalArgumentException if {@code secrets} is empty
     */
    public static String sign(List<WebhookSecret> secrets, String webhookId, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign a webhook");
        }
        StringJoiner joined = new StringJoiner(" ");
        for (WebhookSecret secret : secrets) {
            joined.add(sign(secret, webhookId, timestamp, body));
        }
        return joined.toString();
    }

    private static byte[] hmac(byte[] key, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException impossible) {
            // HmacSHA256 is required of every Java platform and any key length is valid for HMAC.
            throw new IllegalStateException("HmacSHA256 unavailable", impossible);
        }
    }
}
