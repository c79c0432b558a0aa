package io.jumbe.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in KES as integer cents. Arithmetic is exact and overflow-checked; BigDecimal only at the edges. */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Parses "1049", "1049.5", "1049.00". More than two decimals or a non-number throws. */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an amount is required");
        }
        try {
            return of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in KES");
        }
    }

    /**
     * At most this many digits before the decimal point (a trillion shillings less a cent): any amount above it is
     * refused before it is converted, so an exponent such as {@code 1e10000000} costs nothing.
     */
    public static final int MAX_INTEGER_DIGITS = 12;
    /** Trailing zeros beyond two decimals are allowed ({@code 10.500}), up to this scale. */
    static final int MAX_SCALE = 20;

    public static Money of(BigDecimal amount) {
        // size and scale come from the unscaled value's digit count and the exponent, without expanding either
        if (amount.scale() > MAX_SCALE || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amounts have at most two decimals");
        }
        if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amounts have at most " + MAX_INTEGER_DIGITS + " digits before the "
                    + "decimal point");
        }
        return new Money(amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(cents, factor));
    }

    public boolean isNegative() {
        return cents < 0;
    }

    /** The amount as KES with exactly two decimals, the way JSON shows it ({@code 1049.00}). */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
