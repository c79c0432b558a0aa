package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;

/** State of a top-up or journal entry. */
public enum TransactionStatus {
    /** Waiting for the payer (the M-Pesa prompt is on the phone) or for an admin. */
    @Json(name = "pending") PENDING("pending"),
    /** Being worked on. */
    @Json(name = "processing") PROCESSING("processing"),
    /** Done; a credit is in the balance. */
    @Json(name = "completed") COMPLETED("completed"),
    /** Did not happen; see the failure reason. */
    @Json(name = "failed") FAILED("failed"),
    /** Cancelled by the payer or an admin. */
    @Json(name = "cancelled") CANCELLED("cancelled"),
    /** A state this SDK version does not know. */
    UNKNOWN("unknown");

    private final String wire;

    TransactionStatus(String wire) {
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

    /**
     * Whether the state can still change.
     *
     * @return {@code true} for pending and processing
     */
    public boolean isPending() {
        return this == PENDING || this == PROCESSING;
    }
}
