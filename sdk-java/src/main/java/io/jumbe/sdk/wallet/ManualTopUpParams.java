package io.jumbe.sdk.wallet;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request for a manual credit (a bank transfer, for instance) that an admin approves, for
 * {@link WalletService#manualTopUp(ManualTopUpParams)}.
 *
 * @param amount    the amount in KES, at most two decimals
 * @param reference the payment's reference, for example {@code bank slip 123}
 * @param note      a note for the admin, or {@code null}
 */
public record ManualTopUpParams(BigDecimal amount, String reference, String note) {

    /**
     * Starts building the parameters.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("reference", reference);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /** Builds {@link ManualTopUpParams}; amount and reference are required. */
    public static final class Builder {
        private BigDecimal amount;
        private String reference;
        private String note;

        private Builder() {
        }

        /**
         * The amount in KES. Required.
         *
         * @param amount for example {@code new BigDecimal("5000.00")}
         * @return this builder
         */
        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        /**
         * The payment's reference. Required.
         *
         * @param reference for example {@code bank slip 123}
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * A note for the admin.
         *
         * @param note the note
         * @return this builder
         */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the amount or reference is missing, or the amount has more than
         *                                  two decimals
         */
        public ManualTopUpParams build() {
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("amount is required and must be positive");
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("amount has more than two decimals: " + amount);
            }
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("reference is required");
            }
            return new ManualTopUpParams(amount, reference, note);
        }
    }
}
