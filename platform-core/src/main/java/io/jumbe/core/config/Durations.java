package io.jumbe.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short duration spellings used in configuration: {@code 500ms}, {@code 90s}, {@code 5m},
 * {@code 2h}, {@code 24h}, {@code 7d}.
 *
 * <p>One unit per value, a non-negative whole number before it; {@code 1h30m} and {@code 1.5h} are refused
 * rather than guessed at, so a typo in the environment stops start-up instead of becoming a surprising delay.
 */
public final class Durations {

    private static final Pattern SPELLING = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses one duration.
     *
     * @param text the value, e.g. {@code "90s"}; surrounding whitespace is ignored
     * @return the duration
     * @throws IllegalArgumentException if {@code text} is null, blank, has no unit or an unknown one, is negative,
     *                                  or is too large to represent; the message quotes the value and the accepted form
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write a whole number and a unit, e.g. 500ms, 90s, 5m, 2h, 24h");
        }
        String trimmed = text.trim();
        Matcher matcher = SPELLING.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid duration '" + trimmed
                    + "'; write a whole number and one unit (ms, s, m, h or d), e.g. 500ms, 90s, 5m, 2h, 24h");
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException tooLong) {
            throw new IllegalArgumentException("duration '" + trimmed + "' is too large");
        }
        try {
            switch (matcher.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("duration '" + trimmed + "' is too large");
        }
    }
}
