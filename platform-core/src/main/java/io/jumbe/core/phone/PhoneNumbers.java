package io.jumbe.core.phone;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises Kenyan mobile numbers to the canonical {@code 2547XXXXXXXX} / {@code 2541XXXXXXXX} form
 * (12 digits, no {@code +}) that Onfon's {@code Number} and Daraja's {@code PhoneNumber} expect.
 *
 * <p>Accepted input: {@code 07XXXXXXXX}, {@code 01XXXXXXXX}, {@code 7XXXXXXXX}, {@code 1XXXXXXXX},
 * {@code 254…}, {@code +254…}, with any spaces, dashes, dots or parentheses between the digits.
 * Anything else is rejected with a reason a tenant can act on. The rules follow providers.md §4.2
 * rather than libphonenumber's metadata so that newly opened prefixes (the 01xx series was opened
 * in 2019) are never refused because a metadata file is out of date; operator prefixes are
 * deliberately not checked because numbers are portable.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern CANONICAL = Pattern.compile("254[17]\\d{8}");

    private PhoneNumbers() {
    }

    /** The outcome of normalising one input. */
    public sealed interface Result permits Valid, Invalid {
        /** The text as the caller gave it. */
        String input();

        /** Whether the input is a Kenyan mobile number. */
        default boolean isValid() {
            return this instanceof Valid;
        }
    }

    /**
     * A valid number.
     *
     * @param input  the text as given
     * @param msisdn the canonical form, {@code 2547XXXXXXXX} or {@code 2541XXXXXXXX}
     */
    public record Valid(String input, String msisdn) implements Result {
    }

    /**
     * A rejected input.
     *
     * @param input  the text as given (may be {@code null})
     * @param reason why it was rejected, in words fit to show a tenant
     */
    public record Invalid(String input, String reason) implements Result {
    }

    /**
     * Normalises {@code input}.
     *
     * @param input any text, possibly {@code null}
     * @return the canonical number, or empty when the input is not a Kenyan mobile number
     */
    public static Optional<String> normalize(String input) {
        return parse(input) instanceof Valid valid ? Optional.of(valid.msisdn()) : Optional.empty();
    }

    /**
     * Normalises {@code input}, telling why when it cannot.
     *
     * @param input any text, possibly {@code null}
     * @return {@link Valid} with the canonical number, or {@link Invalid} with a reason
     */
    public static Result parse(String input) {
        if (input == null || input.isBlank()) {
            return new Invalid(input, "phone number is empty");
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
        boolean plus = compact.startsWith("+");
        String digits = plus ? compact.substring(1) : compact;
        if (digits.isEmpty() || !DIGITS.matcher(digits).matches()) {
            return new Invalid(input, "phone number may contain only digits, spaces, dashes, parentheses and a leading +");
        }
        String candidate;
        if (plus) {
            if (!digits.startsWith("254")) {
                return new Invalid(input, "only Kenyan numbers (+254) are supported");
            }
            candidate = digits;
        } else if (digits.startsWith("254")) {
            candidate = digits;
        } else if (digits.startsWith("0") && digits.length() == 10) {
            candidate = "254" + digits.substring(1);
        } else if (digits.length() == 9) {
            candidate = "254" + digits;
        } else {
            return new Invalid(input, "not a Kenyan mobile number: use 07XXXXXXXX, 01XXXXXXXX or 254XXXXXXXXX");
        }
        // "+254 (0)712…" is a common way to write a number; drop the trunk zero after the country code.
        if (candidate.length() == 13 && candidate.startsWith("2540")) {
            candidate = "254" + candidate.substring(4);
        }
        if (candidate.length() != 12) {
            return new Invalid(input, "a Kenyan mobile number has 9 digits after 254, got " + (candidate.length() - 3));
        }
        if (!CANONICAL.matcher(candidate).matches()) {
            return new Invalid(input, "not a Kenyan mobile number: it must start 07, 01, 2547 or 2541");
        }
        return new Valid(input, candidate);
    }

    /**
     * Whether {@code msisdn} is already in canonical form (exactly 12 digits, {@code 2547…} or {@code 2541…}).
     *
     * @param msisdn any text
     * @return true when no normalisation is needed
     */
    public static boolean isCanonical(String msisdn) {
        return msisdn != null && CANONICAL.matcher(Objects.requireNonNull(msisdn)).matches();
    }
}
