package io.jumbe.core.config;

/** A configuration value that does not parse; the message names the variable. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
