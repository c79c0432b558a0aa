package io.jumbe.sdk.webhooks;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.jumbe.sdk.internal.Json;
import io.jumbe.sdk.webhooks.WebhookVerificationException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Verifies Standard Webhooks deliveries from Jumbe and turns them into typed {@link WebhookEvent}s.
 *
 * <pre>{@code
 * Webhook webhook = new Webhook(System.getenv("JUMBE_WEBHOOK_SECRET"));
 * WebhookEvent event = webhook.verify(rawBodyBytes, requestHeaders); // throws when forged, altered or stale
 * }</pre>
 *
 * <p>Verification uses the raw body bytes exactly as received: parse the JSON only after it (this class does).
 * The signature is {@code v1,} + base64 of HMAC-SHA256 keyed with the base64-decoded secret after
 * {@code whsec_}, over {@code webhook-id + "." + webhook-timestamp + "." + body}. Any one of several
 * space-separated signatures may match (during a secret rotation there are two); comparison is constant-time.
 * The timestamp must lie within the tolerance on either side of the clock. Header names are matched without
 * regard to case. Immutable and thread-safe.
 */
public final class Webhook {
    /** The default timestamp tolerance, in both directions. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;
    private final Moshi moshi = Json.moshi();

    /**
     * A verifier with the default tolerance and the system clock.
     *
     * @param secret the signing secret, {@code whsec_…} (the prefix may be omitted)
     * @throws IllegalArgumentException when the secret is not base64
     */
    public Webhook(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * A verifier with the given tolerance and the system clock.
     *
     * @param secret    the signing secret, {@code whsec_…}
     * @param tolerance how far the timestamp may be from now, either way
     * @throws IllegalArgumentException when the secret is not base64 or the tolerance is negative
     */
    public Webhook(String secret, Duration tolerance) {
        this(secret, tolerance, Clock.systemUTC());
    }

    /**
     * A verifier with the given tolerance and clock.
     *
     * @param secret    the signing secret, {@code whsec_…}
     * @param tolerance how far the timestamp may be from the clock, either way
     * @param clock     the clock to compare timestamps with
     * @throws IllegalArgumentException when the secret is not base64 or the tolerance is negative
     */
    public Webhook(String secret, Duration tolerance, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not whsec_ followed by base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
    }

    /**
     * Verifies a delivery and parses its event.
     *
     * @param body    the raw request body, byte for byte
     * @param headers the request headers; names in any case, first value used
     * @return the typed event
     * @throws WebhookVerificationException when a header is missing, the timestamp is out of tolerance, no
     *                                      signature matches or the body is not an event
     */
    public WebhookEvent verify(byte[] body, Map<String, List<String>> headers) {
        String id = verifySignature(body, headers);
        return parse(id, body);
    }

    /**
     * Checks headers, timestamp and signature only, without reading the body as an event. Use it for payloads
     * that are not Jumbe events (for example the Standard Webhooks test vector).
     *
     * @param body    the raw request body, byte for byte
     * @param headers the request headers; names in any case, first value used
     * @return the verified {@code webhook-id}
     * @throws WebhookVerificationException when a header is missing, the timestamp is out of tolerance or no
     *                                      signature matches
     */
    public String verifySignature(byte[] body, Map<String, List<String>> headers) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty() && !h.containsKey(name)) {
                h.put(name, values.get(0));
            }
        });
        String id = require(h, "webhook-id");
        String timestamp = require(h, "webhook-timestamp");
        String signatures = h.containsKey("webhook-signature") ? h.get("webhook-signature") : h.get("x-webhook-signature");
        if (signatures == null || signatures.isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "missing header webhook-signature");
        }
        checkTimestamp(timestamp);
        byte[] expected = hmac(id, timestamp, body);
        boolean matched = false;
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // no early exit: every candidate is compared, each in constant time
            matched |= MessageDigest.isEqual(expected, given);
        }
        if (!matched) {
            throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE,
                    "no v1 signature in webhook-signature matches the body");
        }
        return id;
    }

    /**
     * Verifies a delivery whose body was read as UTF-8 text. Prefer {@link #verify(byte[], Map)} with the raw
     * bytes; this is equivalent only when the text is exactly what was received.
     *
     * @param body    the request body as received
     * @param headers the request headers
     * @return the typed event
     * @throws WebhookVerificationException when verification fails
     */
    public WebhookEvent verify(String body, Map<String, List<String>> headers) {
        Objects.requireNonNull(body, "body");
        return verify(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Computes the {@code webhook-signature} value for a body, as the platform does; useful to test a receiver.
     *
     * @param id        the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}, in seconds since the epoch
     * @param body      the raw body
     * @return {@code v1,<base64>}
     */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(id, Long.toString(timestamp), body));
    }

    private static String require(Map<String, String> h, String name) {
        String value = h.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "missing header " + name);
        }
        return value.trim();
    }

    private void checkTimestamp(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(Reason.INVALID_TIMESTAMP,
                    "webhook-timestamp is not a number of seconds: " + timestamp, e);
        }
        long now = clock.instant().getEpochSecond();
        long tol = tolerance.getSeconds();
        if (seconds < now - tol) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_OLD,
                    "webhook-timestamp is " + (now - seconds) + " s old, more than the tolerance of " + tol + " s");
        }
        if (seconds > now + tol) {
            throw new WebhookVerificationException(Reason.TIMESTAMP_TOO_NEW,
                    "webhook-timestamp is " + (seconds - now) + " s ahead, more than the tolerance of " + tol + " s");
        }
    }

    private byte[] hmac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private WebhookEvent parse(String id, byte[] body) {
        String event = null;
        Long clientId = null;
        Instant timestamp = null;
        Long sequence = null;
        boolean livemode = true;
        String data = null;
        try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (reader.peek() == JsonReader.Token.NULL) {
                    reader.nextNull();
                    continue;
                }
                switch (name) {
                    case "event" -> event = reader.nextString();
                    case "client_id" -> clientId = reader.nextLong();
                    case "timestamp" -> timestamp = moshi.adapter(Instant.class).fromJson(reader);
                    case "sequence" -> sequence = reader.nextLong();
                    case "livemode" -> livemode = reader.nextBoolean();
                    case "data" -> {
                        try (BufferedSource source = reader.nextSource()) {
                            data = source.readUtf8();
                        }
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (event == null) {
                throw new WebhookVerificationException(Reason.INVALID_PAYLOAD, "the body has no event member");
            }
            return switch (event) {
                case WebhookEvent.BALANCE_UPDATED -> new WebhookEvent.BalanceUpdated(id, clientId, timestamp, sequence, livemode,
                        decode(data, BalanceUpdatedData.class));
                case WebhookEvent.MESSAGE_SENT -> new WebhookEvent.MessageSent(id, clientId, timestamp, sequence, livemode,
                        decode(data, MessageEventData.class));
                case WebhookEvent.MESSAGE_DELIVERED -> new WebhookEvent.MessageDelivered(id, clientId, timestamp, sequence, livemode,
                        decode(data, MessageEventData.class));
                case WebhookEvent.MESSAGE_FAILED -> new WebhookEvent.MessageFailed(id, clientId, timestamp, sequence, livemode,
                        decode(data, MessageEventData.class));
                case WebhookEvent.MESSAGE_READ -> new WebhookEvent.MessageRead(id, clientId, timestamp, sequence, livemode,
                        decode(data, MessageEventData.class));
                case WebhookEvent.MESSAGE_RECEIVED -> new WebhookEvent.MessageReceived(id, clientId, timestamp, sequence,
                        livemode, decode(data, io.jumbe.sdk.messages.InboundMessage.class));
                case WebhookEvent.TOPUP_COMPLETED -> new WebhookEvent.TopUpCompleted(id, clientId, timestamp, sequence, livemode,
                        decode(data, TopUpEventData.class));
                case WebhookEvent.TOPUP_FAILED -> new WebhookEvent.TopUpFailed(id, clientId, timestamp, sequence, livemode,
                        decode(data, TopUpEventData.class));
                case WebhookEvent.WEBHOOK_TEST -> new WebhookEvent.WebhookTest(id, clientId, timestamp, sequence, livemode, data);
                default -> new WebhookEvent.Unknown(id, event, clientId, timestamp, sequence, livemode, data);
            };
        } catch (IOException | JsonDataException | IllegalStateException e) {
            throw new WebhookVerificationException(Reason.INVALID_PAYLOAD,
                    "the signed body is not a webhook event: " + e.getMessage(), e);
        }
    }


    private <T> T decode(String json, Class<T> type) throws IOException {
        return json == null ? null : moshi.adapter(type).fromJson(json);
    }

    @Override
    public String toString() {
        return "Webhook[tolerance=" + tolerance + "]";
    }
}
