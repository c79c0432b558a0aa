package io.jumbe.core.payments.mpesa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Daraja's STK {@code Password} and {@code Timestamp}, shared by the client and the simulator. */
public final class DarajaPassword {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(StkCallbackParser.NAIROBI);

    private DarajaPassword() {
    }

    /** {@code yyyyMMddHHmmss} of the instant in Africa/Nairobi time, as Daraja's {@code Timestamp}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** {@code base64(shortcode + passkey + timestamp)}; the result is a secret, never log it. */
    public static String password(String shortcode, String passkey, String timestamp) {
        return Base64.getEncoder()
                .encodeToString((shortcode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
    }
}
