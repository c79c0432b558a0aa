package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;

/** Where a message is in its life. */
public enum MessageStatus {
    /** Accepted and waiting to be sent (or scheduled for later). */
    @Json(name = "queued") QUEUED("queued"),
    /** Handed to the upstream operator. */
    @Json(name = "sent") SENT("sent"),
    /** The handset confirmed receipt. */
    @Json(name = "delivered") DELIVERED("delivered"),
    /** A WhatsApp message the recipient opened. */
    @Json(name = "read") READ("read"),
    /** Rejected upstream or reported undeliverable. */
    @Json(name = "failed") FAILED("failed"),
    /** No final delivery report arrived in time. */
    @Json(name = "expired") EXPIRED("expired"),
    /** A scheduled message cancelled before it left. */
    @Json(name = "cancelled") CANCELLED("cancelled"),
    /** A status this SDK version does not know. */
    UNKNOWN("unknown");

    private final String wire;

    MessageStatus(String wire) {
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
