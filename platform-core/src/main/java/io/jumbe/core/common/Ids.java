package io.jumbe.core.common;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque prefixed ids, unique across instances without coordination: a millisecond timestamp followed by
 * 80 random bits, in Crockford base32, so ids sort roughly by creation (like ULIDs).
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    // One DRBG per thread, seeded once from the OS. The default generator on Linux (NativePRNG) shares one lock and
    // reads /dev/urandom across all its instances, which made id generation a point where request threads queued.
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(Ids::newGenerator);
    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        long time = clock.millis();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] bytes = new byte[10];
        random.get().nextBytes(bytes);
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (bytes[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (bytes[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + "-" + new String(out);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
