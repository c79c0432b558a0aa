package io.jumbe.sdk.sms;

import com.squareup.moshi.Json;

/** How a message's text is encoded, which decides its segment size. */
public enum Encoding {
    /** The GSM 03.38 alphabet: 160 characters single, 153 per part. */
    @Json(name = "GSM-7") GSM_7("GSM-7"),
    /** Anything outside GSM-7: 70 UTF-16 units single, 67 per part. */
    @Json(name = "UCS-2") UCS_2("UCS-2"),
    /** An encoding this SDK version does not know. */
    UNKNOWN("unknown");

    private final String wire;

    Encoding(String wire) {
        this.wire = wire;
    }

    /**
     * The encoding as the API writes it, for example {@code GSM-7}.
     *
     * @return the wire value
     */
    public String wireValue() {
        return wire;
    }
}
