package io.jumbe.sdk;

import java.util.Objects;

/**
 * Per-call options, today only the {@code Idempotency-Key} of a POST.
 *
 * <p>Without options the SDK mints a random key once per call, before its retry loop, so a retried request is
 * never applied twice. Give your own key (for example your order id) to make a call safe to repeat across
 * process restarts as well.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(null);

    private final String idempotencyKey;

    private RequestOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * Options that set nothing: the SDK generates the idempotency key.
     *
     * @return empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * Options carrying the caller's idempotency key.
     *
     * @param key the key to send as {@code Idempotency-Key}; at most 255 characters, not blank
     * @return options with that key
     * @throws IllegalArgumentException when the key is blank or too long
     */
    public static RequestOptions idempotencyKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("idempotency key must be 1 to 255 characters");
        }
        return new RequestOptions(key);
    }

    /**
     * The caller's idempotency key.
     *
     * @return the key, or {@code null} when the SDK should generate one
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
