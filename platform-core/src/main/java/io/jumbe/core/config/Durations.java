package io.jumbe.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: {@code 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is required");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 90s, 5m, 2h or 24h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
