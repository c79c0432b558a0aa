package io.jumbe.sdk.wallet;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An M-Pesa STK Push top-up, for {@link WalletService#topUp(TopUpParams)}.
 *
 * @param amount        whole shillings, within the platform's limits (by default 100 to 50,000)
 * @param phoneNumber   the M-Pesa number to prompt ({@code 07…}, {@code +254…}, {@code 254…})
 * @param paymentMethod {@code mpesa}
 */
public record TopUpParams(BigDecimal amount, String phoneNumber, String paymentMethod) {

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
        body.put("payment_method", paymentMethod);
        body.put("phone_number", phoneNumber);
        return body;
    }

    /** Builds {@link TopUpParams}; amount and phone number are required. */
    public static final class Builder {
        private BigDecimal amount;
        private String phoneNumber;
        private String paymentMethod = "mpesa";

        private Builder() {
        }

        /**
         * The amount in whole shillings. Required.
         *
         * @param shillings for example {@code 1000}
         * @return this builder
         */
        public Builder amount(long shillings) {
            this.amount = BigDecimal.valueOf(shillings);
            return this;
        }

        /**
         * The amount in shillings; it must be whole. Required.
         *
         * @param amount for example {@code new BigDecimal("1000")}
         * @return this builder
         */
        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        /**
         * The M-Pesa number to prompt. Required.
         *
         * @param phoneNumber for example {@code 0712345678}
         * @return this builder
         */
        public Builder phoneNumber(String phoneNumber) {
            this.phoneNumber = phoneNumber;
            return this;
        }

        /**
         * The payment method. Default {@code mpesa}, the only one today.
         *
         * @param paymentMethod the method
         * @return this builder
         */
        public Builder paymentMethod(String paymentMethod) {
            this.paymentMethod = paymentMethod;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the parameters
         * @throws IllegalArgumentException when the amount is missing, not positive or not whole, or the phone is missing
         */
        public TopUpParams build() {
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("amount is required and must be positive");
            }
            BigDecimal whole;
            try {
                whole = amount.setScale(0);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("amount must be whole shillings: " + amount);
            }
            if (phoneNumber == null || phoneNumber.isBlank()) {
                throw new IllegalArgumentException("phoneNumber is required");
            }
            if (paymentMethod == null || paymentMethod.isBlank()) {
                throw new IllegalArgumentException("paymentMethod is required");
            }
            return new TopUpParams(whole, phoneNumber.trim(), paymentMethod);
        }
    }
}
