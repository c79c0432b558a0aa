package io.jumbe.samples;

import io.jumbe.sdk.JumbeClient;
import java.util.Map;

/** Reads the variables every sample shares and builds the client from them. */
final class SampleEnv {
    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private SampleEnv() {
    }

    /** Thrown when a required variable is missing or malformed; the sample prints it and exits 2. */
    static final class MissingSetting extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingSetting(String message) {
            super(message);
        }
    }

    static JumbeClient client(Map<String, String> env) {
        String baseUrl = env.getOrDefault("JUMBE_BASE_URL", DEFAULT_BASE_URL);
        String clientId = require(env, "JUMBE_CLIENT_ID");
        String apiKey = require(env, "JUMBE_API_KEY");
        long id;
        try {
            id = Long.parseLong(clientId.trim());
        } catch (NumberFormatException e) {
            throw new MissingSetting("JUMBE_CLIENT_ID must be a number, got " + clientId);
        }
        return JumbeClient.builder().baseUrl(baseUrl).clientId(id).apiKey(apiKey).build();
    }

    static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingSetting(name + " is not set (./jumbe serve prints the demo sender's client id and key)");
        }
        return value;
    }

    static String get(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
