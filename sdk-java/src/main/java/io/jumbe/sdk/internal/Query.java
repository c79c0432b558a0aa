package io.jumbe.sdk.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters of one request, in order, skipping absent values.
 */
public final class Query {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** Creates an empty query. */
    public Query() {
    }

    /**
     * Adds a parameter when the value is present.
     *
     * @param name  the parameter name
     * @param value the value; {@code null} adds nothing; enums must be passed as their wire value
     * @return this query
     */
    public Query add(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text;
        if (value instanceof Enum<?>) {
            // An enum's wire spelling is its own wireValue(); passing the constant would send its Java name.
            throw new IllegalArgumentException("pass " + name + " as its wire value");
        } else if (value instanceof Instant || value instanceof LocalDate) {
            text = value.toString();
        } else {
            text = String.valueOf(value);
        }
        values.put(name, text);
        return this;
    }

    /**
     * The parameters added so far.
     *
     * @return an unmodifiable view, in insertion order
     */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
