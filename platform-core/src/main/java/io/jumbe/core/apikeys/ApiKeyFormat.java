package io.jumbe.core.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * {@code sk_live_<43 base62 chars of 32 random bytes><6 base62 chars of CRC32(body)>}. The checksum lets a
 * secret scanner tell a real key from noise offline (as GitHub's tokens do); only a SHA-256 of the key is stored.
 */
public final class ApiKeyFormat {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int BODY_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    /** Characters of the key kept in clear for admins to name it: "sk_live_" plus 8 of the body. */
    static final int DISPLAY_PREFIX_BODY = 8;
    private final SecureRandom random = new SecureRandom();

    public String generate(boolean test) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String body = base62(new java.math.BigInteger(1, bytes), BODY_LENGTH);
        return (test ? "sk_test_" : "sk_live_") + body + checksum(body);
    }

    /** True when the key has our shape and its checksum matches: a cheap offline test before any lookup. */
    public static boolean looksValid(String key) {
        if (key == null || !(key.startsWith("sk_live_") || key.startsWith("sk_test_"))) {
            return false;
        }
        String rest = key.substring(8);
        if (rest.length() != BODY_LENGTH + CHECKSUM_LENGTH || !rest.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) {
            return false;
        }
        String body = rest.substring(0, BODY_LENGTH);
        return MessageDigest.isEqual(checksum(body).getBytes(StandardCharsets.US_ASCII),
                rest.substring(BODY_LENGTH).getBytes(StandardCharsets.US_ASCII));
    }

    public static String displayPrefix(String key) {
        return key.substring(0, 8 + DISPLAY_PREFIX_BODY);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(java.math.BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
    }

    private static String base62(java.math.BigInteger value, int length) {
        char[] out = new char[length];
        java.math.BigInteger base = java.math.BigInteger.valueOf(62);
        for (int i = length - 1; i >= 0; i--) {
            java.math.BigInteger[] qr = value.divideAndRemainder(base);
            out[i] = BASE62.charAt(qr[1].intValue());
            value = qr[0];
        }
        return new String(out);
    }
}
