// Verify a Jumbe webhook in Java with javax.crypto, no dependencies.
// With the SDK (io.jumbe:sdk-java) it is one call that also parses the typed event:
//   WebhookEvent event = new io.jumbe.sdk.webhooks.Webhook(secret).verify(rawBody, headers);
// The Standard Webhooks Java library (com.standardwebhooks) works too.

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class VerifyWebhook {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Checks the signature over the RAW body bytes; throws on any doubt. Parse the body only afterwards. */
    static void verify(String secret, Map<String, String> headers, byte[] rawBody, Instant now) throws Exception {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new SecurityException("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw new SecurityException("timestamp outside the tolerance");
        }
        byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(rawBody);
        // During a secret rotation the header carries several signatures separated by spaces.
        for (String candidate : signatures.split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return;
            }
        }
        throw new SecurityException("no matching signature");
    }

    public static void main(String[] args) throws Exception {
        // The Standard Webhooks published test vector.
        verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                Map.of("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        "webhook-timestamp", "1614265330",
                        "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(1614265330));
        System.out.println("verified");
    }
}
