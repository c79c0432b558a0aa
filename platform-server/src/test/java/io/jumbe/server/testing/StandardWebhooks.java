package io.jumbe.server.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verifier written from the Standard Webhooks specification alone, sharing no code with the platform:
 * decode the key after {@code whsec_}, HMAC-SHA256 over {@code id.timestamp.body}, accept if any space-separated
 * {@code v1,} signature matches in constant time.
 */
public final class StandardWebhooks {
    private StandardWebhooks() {
    }

    public static boolean verify(String secret, WebhookReceiver.Received r) {
        return verify(secret, r.webhookId(), r.timestamp(), r.signature(), r.body());
    }

    public static boolean verify(String secret, String id, String timestamp, String signatureHeader, byte[] body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String versioned : signatureHeader.split(" ")) {
                String[] parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
