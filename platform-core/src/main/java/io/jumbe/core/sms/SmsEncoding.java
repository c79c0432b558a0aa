package io.jumbe.core.sms;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an SMS is encoded on the air interface (GSM 03.38). */
public enum SmsEncoding {
    /** The GSM 7-bit default alphabet with its extension table. */
    GSM_7("GSM-7", 160, 153),
    /** UCS-2 (UTF-16 code units), used as soon as one character is outside GSM-7. */
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int singleLimit;
    private final int partLimit;

    SmsEncoding(String label, int singleLimit, int partLimit) {
        this.label = label;
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    /** The name shown in the API: {@code "GSM-7"} or {@code "UCS-2"}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Units that fit in a message sent as one segment. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units that fit in each part of a concatenated message (the rest carries the UDH). */
    public int partLimit() {
        return partLimit;
    }

    @Override
    public String toString() {
        return label;
    }
}
