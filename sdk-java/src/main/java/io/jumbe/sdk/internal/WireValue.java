package io.jumbe.sdk.internal;

/**
 * An enum constant that knows the string the API uses for it.
 */
public interface WireValue {

    /**
     * The value as the API writes it, for example {@code delivered}.
     *
     * @return the wire value
     */
    String wireValue();
}
