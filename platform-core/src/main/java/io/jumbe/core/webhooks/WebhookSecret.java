package io.jumbe.core.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant's webhook signing secret in the Standard Webhooks form {@code whsec_<base64 of the key bytes>}.
 *
 * <p>{@link #toString()} never prints the secret, so a secret passed to a logger by mistake stays out of the log.
 */
public final class WebhookSecret {

    /** The prefix every secret carries. */
    public static final String PREFIX = "whsec_";
    /** Bytes of key material in a generated secret. */
    public static final int GENERATED_KEY_BYTES = 32;
    /** Fewest key bytes a tenant-supplied secret may have. */
    public static final int MIN_KEY_BYTES = 24;
    /** Most key bytes a tenant-supplied secret may have. */
    public static final int MAX_KEY_BYTES = 64;

    // Padded standard alphabet only: receivers' libraries (Python's b64decode among them) reject unpadded or
    // URL-safe text, and a secret the receiver cannot decode would make every delivery look forged.
    private static final Pattern STANDARD_BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private final String value;
    private final byte[] key;

    private WebhookSecret(String value, byte[] key) {
        this.value = value;
        this.key = key;
    }

    /**
     * Generates a new secret of {@value #GENERATED_KEY_BYTES} random bytes.
     *
     * @param random the source of randomness; pass a {@link SecureRandom}
     * @return the new secret
     */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), key);
    }

    /**
     * Explains why a tenant-supplied secret is not acceptable.
     *
     * @param candidate the secret as given, may be null
     * @return empty if the secret is acceptable, otherwise a sentence fit to show the tenant
     */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("webhook_secret is empty");
        }
        if (!candidate.startsWith(PREFIX)) {
            return Optional.of("webhook_secret must start with '" + PREFIX + "'");
        }
        String encoded = candidate.substring(PREFIX.length());
        if (!STANDARD_BASE64.matcher(encoded).matches()) {
            return Optional.of("webhook_secret must be '" + PREFIX
                    + "' followed by standard, padded base64 (A-Z, a-z, 0-9, '+', '/', '=')");
        }
        int length = Base64.getDecoder().decode(encoded).length;
        if (length < MIN_KEY_BYTES || length > MAX_KEY_BYTES) {
            return Optional.of("webhook_secret must encode between " + MIN_KEY_BYTES + " and " + MAX_KEY_BYTES
                    + " bytes; it encodes " + length);
        }
        return Optional.empty();
    }

    /**
     * Reads a secret, for instance one supplied by a tenant or read back from storage.
     *
     * @param value the {@code whsec_…} text
     * @return the secret
     * @throws IllegalArgumentException if {@link #problemWith(String)} finds a problem; the message is that problem
     */
    public static WebhookSecret parse(String value) {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return new WebhookSecret(value, Base64.getDecoder().decode(value.substring(PREFIX.length())));
    }

    /**
     * The secret as the tenant sees it, {@code whsec_…}. Show it once; store it as the platform stores secrets.
     *
     * @return the full secret text
     */
    public String value() {
        return value;
    }

    /**
     * The HMAC key: the base64-decoded part after the prefix.
     *
     * @return a fresh copy of the key bytes
     */
    public byte[] keyBytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret && ((WebhookSecret) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return a redacted form that does not reveal the secret */
    @Override
    public String toString() {
        return "WebhookSecret[whsec_***]";
    }
}
