package io.jumbe.sdk.account;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change of {@link NotificationSettings} for {@link NotificationsService#update(NotificationSettingsParams)}:
 * members left unset keep their value.
 */
public final class NotificationSettingsParams {
    private final Map<String, Object> body;

    private NotificationSettingsParams(Map<String, Object> body) {
        this.body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /**
     * Starts building a change.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, Object> toBody() {
        return body;
    }

    @Override
    public String toString() {
        return "NotificationSettingsParams" + body;
    }

    /** Builds {@link NotificationSettingsParams}; at least one member must be set. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final Map<String, Object> emails = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The address every email goes to.
         *
         * @param email a plain address such as {@code ops@example.co.ke}
         * @return this builder
         */
        public Builder email(String email) {
            body.put("email", email);
            return this;
        }

        /**
         * Copies of every email (at most 5); an empty list removes them.
         *
         * @param cc the addresses
         * @return this builder
         */
        public Builder cc(List<String> cc) {
            body.put("cc", List.copyOf(cc));
            return this;
        }

        /**
         * The balance, in KES, below which a debit sends the low-balance email.
         *
         * @param threshold at least zero, at most two decimals
         * @return this builder
         */
        public Builder lowBalanceThreshold(BigDecimal threshold) {
            body.put("low_balance_threshold", threshold);
            return this;
        }

        /**
         * Whether the low-balance email is wanted.
         *
         * @param wanted true to receive it
         * @return this builder
         */
        public Builder lowBalanceEmails(boolean wanted) {
            emails.put("low_balance", wanted);
            return this;
        }

        /**
         * Whether top-up confirmations and failures are wanted.
         *
         * @param wanted true to receive them
         * @return this builder
         */
        public Builder topupEmails(boolean wanted) {
            emails.put("topup", wanted);
            return this;
        }

        /**
         * Whether the "webhooks turned off" email is wanted.
         *
         * @param wanted true to receive it
         * @return this builder
         */
        public Builder webhookEmails(boolean wanted) {
            emails.put("webhooks", wanted);
            return this;
        }

        /**
         * Builds the change.
         *
         * @return the change
         * @throws IllegalStateException when nothing was set
         */
        public NotificationSettingsParams build() {
            Map<String, Object> all = new LinkedHashMap<>(body);
            if (!emails.isEmpty()) {
                all.put("emails", new LinkedHashMap<>(emails));
            }
            if (all.isEmpty()) {
                throw new IllegalStateException("set at least one member to change");
            }
            return new NotificationSettingsParams(all);
        }
    }
}
