package io.jumbe.core.payments.mpesa;

/** What STK Query says about a push: still being processed, or a final {@code ResultCode}. */
public sealed interface StkQueryResult permits StkQueryResult.Pending, StkQueryResult.Resolved {

    /** The {@code CheckoutRequestID} asked about. */
    String checkoutRequestId();

    /**
     * The customer has not answered yet (Daraja's {@code 500.001.1001} "The transaction is being processed");
     * ask again later.
     *
     * @param checkoutRequestId the id asked about
     * @param message           Daraja's {@code errorMessage}
     */
    record Pending(String checkoutRequestId, String message) implements StkQueryResult {
    }

    /**
     * A final answer. The query carries no receipt, amount or phone: those come only in the callback.
     *
     * @param checkoutRequestId {@code CheckoutRequestID}
     * @param merchantRequestId {@code MerchantRequestID}
     * @param resultCode        {@code ResultCode} as Daraja sends it here: a string, usually digits ("0", "1032")
     * @param resultDesc        {@code ResultDesc}
     */
    record Resolved(String checkoutRequestId, String merchantRequestId, String resultCode, String resultDesc)
            implements StkQueryResult {

        /** True only for {@code ResultCode} "0": the customer paid. */
        public boolean isSuccess() {
            return "0".equals(resultCode);
        }

        /** Our status and failure words for this result. */
        public DarajaResultCodes.Outcome outcome() {
            return DarajaResultCodes.describe(resultCode, resultDesc);
        }
    }
}
