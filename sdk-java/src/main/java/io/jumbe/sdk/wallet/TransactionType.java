package io.jumbe.sdk.wallet;

import com.squareup.moshi.Json;

/** Kind of journal entry. */
public enum TransactionType {
    /** Money in: a top-up or manual credit. */
    @Json(name = "credit") CREDIT("credit"),
    /** Money out: a message charge. */
    @Json(name = "debit") DEBIT("debit"),
    /** A charge returned. */
    @Json(name = "refund") REFUND("refund"),
    /** A kind this SDK version does not know. */
    UNKNOWN("unknown");

    private final String wire;

    TransactionType(String wire) {
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
