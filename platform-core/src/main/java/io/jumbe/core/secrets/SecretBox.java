package io.jumbe.core.secrets;

import io.jumbe.core.config.ConfigException;
import io.jumbe.core.config.ConfigLoader;
import io.jumbe.core.config.JumbeConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets the platform must be able to read back (webhook signing keys, callback tokens, stored
 * responses that showed a secret) with AES-256-GCM under one platform key. A sealed value reads
 * {@code enc:v1:<base64 of a random 96-bit nonce, the ciphertext and the 128-bit tag>}; anything without that
 * prefix is a value stored before encryption and is read as it is (and sealed when next written).
 *
 * <p>The key comes from {@code JUMBE_SECRET_KEY} or the file {@code JUMBE_HOME/secret.key} ({@link #load}). Without
 * the key, nothing sealed can be read back: back it up with the database.
 */
public final class SecretBox {
    /** The prefix of every sealed value; the version names the algorithm and layout. */
    public static final String PREFIX = "enc:v1:";
    /** Bytes in a key: AES-256. */
    public static final int KEY_BYTES = ConfigLoader.SECRET_KEY_BYTES;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
    }

    /**
     * A box over a base64 key of {@value #KEY_BYTES} bytes.
     *
     * @throws IllegalArgumentException when the text is not base64 of exactly {@value #KEY_BYTES} bytes
     */
    public static SecretBox fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes (base64 of "
                    + KEY_BYTES + " random bytes, e.g. `openssl rand -base64 32`); it is " + bytes.length);
        }
        return new SecretBox(bytes);
    }

    /** A new random key, as base64. */
    public static String generateKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * No key: values are stored as given. For an embedding program that has not chosen a key; the server always
     * has one ({@link #load}).
     */
    public static SecretBox plain() {
        return new SecretBox(null);
    }

    /**
     * The platform's box: {@code JUMBE_SECRET_KEY} when set, else the key in {@code JUMBE_HOME/secret.key},
     * generated there (mode 0600, folder 0700) on first use.
     *
     * @throws ConfigException when the key file cannot be read or written, or holds no valid key
     */
    public static SecretBox load(JumbeConfig config) {
        if (config.security().secretKey().isPresent()) {
            return fromBase64(config.security().secretKey().get());
        }
        return KeyFile.loadOrCreate(config.home().resolve(KeyFile.NAME));
    }

    /** Whether values are encrypted ({@code false} only for {@link #plain()}). */
    public boolean encrypts() {
        return key != null;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Encrypts a value (null stays null); without a key, returns it as it is. */
    public String seal(String plain) {
        if (plain == null || key == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Reads a stored value: decrypts a sealed one, returns any other as it is (stored before encryption).
     *
     * @throws IllegalStateException when a sealed value does not decrypt with this key (another key, or tampered)
     */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("a stored secret is encrypted, and this platform was given no key "
                    + "(JUMBE_SECRET_KEY or JUMBE_HOME/secret.key)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret does not decrypt with this key: is JUMBE_SECRET_KEY "
                    + "(or JUMBE_HOME/secret.key) the one it was encrypted with?", e);
        }
    }

    /**
     * A short public name of the key (not the key): kept in the database, so an instance started with another key
     * notices before it writes anything it and its peers could not read.
     */
    public String fingerprint() {
        if (key == null) {
            return "none";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] id = mac.doFinal("jumbe secret key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(id, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[" + (key == null ? "plain" : "key " + fingerprint()) + "]";
    }

    /** For tests and tools: the key file's location under a home folder. */
    public static Path keyFile(Path home) {
        return home.resolve(KeyFile.NAME);
    }
}
