package io.jumbe.core.payments.mpesa;

import java.util.Objects;

/**
 * One STK Push.
 *
 * @param phoneNumber      canonical MSISDN {@code 2547XXXXXXXX} / {@code 2541XXXXXXXX}; pays and gets the prompt
 * @param amountCents      amount in cents; M-Pesa takes whole shillings only, so a multiple of 100, at least 100
 * @param accountReference shown to the customer in the prompt; cut to 12 characters
 * @param transactionDesc  cut to 13 characters; may be null
 */
public record StkPushRequest(String phoneNumber, long amountCents, String accountReference, String transactionDesc) {

    /** Daraja's limit on {@code AccountReference}. */
    public static final int ACCOUNT_REFERENCE_MAX = 12;
    /** Daraja's limit on {@code TransactionDesc}. */
    public static final int TRANSACTION_DESC_MAX = 13;

    /** Validates the phone and amount and truncates the texts to Daraja's limits. */
    public StkPushRequest {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        if (!phoneNumber.matches("254[17]\\d{8}")) {
            throw new IllegalArgumentException("phone number must be canonical 2547XXXXXXXX or 2541XXXXXXXX");
        }
        if (amountCents < 100 || amountCents % 100 != 0) {
            throw new IllegalArgumentException("M-Pesa takes whole shillings of at least 1: " + amountCents
                    + " cents");
        }
        accountReference = truncate(Objects.requireNonNull(accountReference, "accountReference"),
                ACCOUNT_REFERENCE_MAX);
        if (accountReference.isBlank()) {
            throw new IllegalArgumentException("accountReference is required");
        }
        transactionDesc = transactionDesc == null || transactionDesc.isBlank()
                ? "Payment"
                : truncate(transactionDesc, TRANSACTION_DESC_MAX);
    }

    /** The amount in whole shillings, as sent in {@code Amount}. */
    public long amountShillings() {
        return amountCents / 100;
    }

    private static String truncate(String text, int max) {
        String trimmed = text.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max).strip();
    }
}
