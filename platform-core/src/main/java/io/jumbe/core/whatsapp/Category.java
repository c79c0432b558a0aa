package io.jumbe.core.whatsapp;

import java.util.Locale;

/** What Meta prices a WhatsApp message by: a template's category, or {@code service} for free-form text. */
public enum Category {
    MARKETING, UTILITY, AUTHENTICATION, SERVICE;

    /** The lower-case name used in the API and the database ({@code "utility"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #wireName()} in any case (Meta writes {@code UTILITY}).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Category fromWire(String wire) {
        return valueOf(wire.strip().toUpperCase(Locale.ROOT));
    }
}
