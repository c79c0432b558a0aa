package io.jumbe.core.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook checks: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} over the raw
 * bytes as received (never a re-serialised body), compared in constant time; and the verification GET's token.
 */
public final class MetaSignature {
    private static final String PREFIX = "sha256=";
    private final byte[] appSecret;

    public MetaSignature(String appSecret) {
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value Meta would send for {@code body}. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code header} signs exactly these bytes. A missing or malformed header is false. */
    public boolean verify(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Whether a verification GET comes from whoever knows our verify token. */
    public static boolean challengeAccepted(String mode, String token, String verifyToken) {
        return "subscribe".equals(mode) && token != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8));
    }
}
