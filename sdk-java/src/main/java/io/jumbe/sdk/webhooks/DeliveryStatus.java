package io.jumbe.sdk.webhooks;

import com.squareup.moshi.Json;

/** State of one webhook delivery. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    @Json(name = "pending") PENDING("pending"),
    /** The receiver answered 2xx. */
    @Json(name = "succeeded") SUCCEEDED("succeeded"),
    /** Every scheduled attempt failed, the receiver answered 410, or webhooks were turned off. */
    @Json(name = "failed") FAILED("failed"),
    /** A state this SDK version does not know. */
    UNKNOWN("unknown");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The value as the API writes it, for example in a query string.
     *
     * @return the wire value
     */
    public String wireValue() {
        return wire;
    }
}
