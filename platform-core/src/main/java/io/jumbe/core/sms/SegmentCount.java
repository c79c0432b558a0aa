package io.jumbe.core.sms;

/**
 * How a text is encoded and how many SMS segments it takes.
 *
 * @param encoding   GSM-7 or UCS-2
 * @param segments   number of SMS parts billed (0 for an empty text)
 * @param characters Unicode code points in the text (what a person would count)
 * @param units      septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2
 */
public record SegmentCount(SmsEncoding encoding, int segments, int characters, int units) {

    /** Whether the text needs UCS-2 (Onfon's {@code IsUnicode}). */
    public boolean unicode() {
        return encoding == SmsEncoding.UCS_2;
    }
}
