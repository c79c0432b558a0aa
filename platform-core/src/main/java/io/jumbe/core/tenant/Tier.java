package io.jumbe.core.tenant;

import java.util.Locale;

/** Service tiers; each allows a number of API requests per minute. */
public enum Tier {
    BRONZE(60), SILVER(120), GOLD(300), PLATINUM(1000);

    private final int requestsPerMinute;

    Tier(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tier parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tier is one of bronze, silver, gold, platinum");
        }
    }
}
