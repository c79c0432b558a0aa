package io.jumbe.core.payments.mpesa;

import java.util.Locale;

/** Where the Daraja client points: the built-in simulator, Safaricom's sandbox or production ({@code MPESA_ENV}). */
public enum MpesaEnvironment {
    /** The Daraja simulator; its base URL is given by whoever mounts it. */
    SIMULATOR(null),
    /** Safaricom's sandbox. */
    SANDBOX("https://sandbox.safaricom.co.ke"),
    /** Safaricom's production API. */
    PRODUCTION("https://api.safaricom.co.ke");

    private final String fixedBaseUrl;

    MpesaEnvironment(String fixedBaseUrl) {
        this.fixedBaseUrl = fixedBaseUrl;
    }

    /**
     * The base URL for this environment.
     *
     * @param simulatorBaseUrl used only for {@link #SIMULATOR}, e.g. {@code http://localhost:8080/simulators/daraja}
     * @return the base URL without a trailing slash
     * @throws IllegalArgumentException if this is {@link #SIMULATOR} and no simulator URL is given
     */
    public String baseUrl(String simulatorBaseUrl) {
        String url = fixedBaseUrl != null ? fixedBaseUrl : simulatorBaseUrl;
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("MPESA_ENV=simulator needs the simulator's base URL");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The value as written in {@code MPESA_ENV}. */
    public String envName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code MPESA_ENV}.
     *
     * @throws IllegalArgumentException naming the variable when the value is not simulator, sandbox or production
     */
    public static MpesaEnvironment fromEnv(String value) {
        if (value == null || value.isBlank()) {
            return SIMULATOR;
        }
        for (MpesaEnvironment env : values()) {
            if (env.envName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return env;
            }
        }
        throw new IllegalArgumentException(
                "MPESA_ENV must be simulator, sandbox or production, not '" + value + "'");
    }
}
