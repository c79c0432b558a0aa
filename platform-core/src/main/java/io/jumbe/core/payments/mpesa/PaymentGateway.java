package io.jumbe.core.payments.mpesa;

/**
 * Asks a customer's phone for an M-Pesa payment (STK Push) and asks about its fate (STK Query).
 * Implemented over HTTP by {@link DarajaClient}; the Daraja simulator speaks the same contract.
 */
public interface PaymentGateway {

    /**
     * Sends the payment prompt to the customer's phone. A returned result means only that Daraja accepted the
     * request; the payment's outcome arrives later by callback or {@link #stkQuery(String)}.
     *
     * @throws DarajaRejectedException    Daraja definitely refused the request (no prompt was sent)
     * @throws DarajaUnavailableException Daraja was busy, failed or did not answer; the prompt may or may not
     *                                    have been sent
     */
    StkPushResult stkPush(StkPushRequest request);

    /**
     * Asks for the state of an earlier push.
     *
     * @param checkoutRequestId the {@code CheckoutRequestID} returned by {@link #stkPush(StkPushRequest)}
     * @return {@link StkQueryResult.Pending} while the customer has not answered, or
     *         {@link StkQueryResult.Resolved} with Daraja's final {@code ResultCode}
     * @throws DarajaRejectedException    Daraja refused the query (e.g. unknown id, wrong credentials)
     * @throws DarajaUnavailableException Daraja was busy, failed or did not answer; ask again later
     */
    StkQueryResult stkQuery(String checkoutRequestId);
}
