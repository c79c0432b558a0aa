package io.jumbe.sdk.wallet;

import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Wallet endpoints: {@code /client/balance} and {@code /wallet/…}. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#wallet()}. Thread-safe.
 */
public final class WalletService {
    /** How often {@link #waitForTopUp(String, Duration)} asks by default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private final ApiCalls calls;
    private final WalletApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public WalletService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(WalletApi.class);
    }

    /**
     * The wallet balance and what it buys ({@code GET /client/balance}).
     *
     * @return the balance
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Balance balance() {
        return calls.execute(api.balance());
    }

    /**
     * Starts an M-Pesa STK Push top-up ({@code POST /wallet/topup}). The payer's phone shows a PIN prompt; the
     * wallet is credited when M-Pesa confirms.
     *
     * @param params amount and phone number
     * @return the pending top-up
     * @throws io.jumbe.sdk.errors.ValidationException when the amount is outside the limits or the phone is invalid
     * @throws io.jumbe.sdk.errors.ServerException with code {@code payment_provider_error} when M-Pesa refused the push
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public TopUpResult topUp(TopUpParams params) {
        return topUp(params, RequestOptions.none());
    }

    /**
     * Starts an M-Pesa STK Push top-up with the caller's idempotency key.
     *
     * @param params  amount and phone number
     * @param options the idempotency key
     * @return the pending top-up
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public TopUpResult topUp(TopUpParams params, RequestOptions options) {
        return calls.execute(api.topUp(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * A top-up's current state ({@code GET /wallet/topup/{transaction_id}}).
     *
     * @param transactionId the id, {@code TXN-…}
     * @return the top-up
     * @throws io.jumbe.sdk.errors.NotFoundException when no such top-up belongs to this account
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public TopUp topUpStatus(String transactionId) {
        if (transactionId == null || transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId is required");
        }
        return calls.execute(api.topUpStatus(ApiCalls.pathSegment(transactionId)));
    }

    /**
     * Polls a top-up every {@link #DEFAULT_POLL_INTERVAL} until it is no longer pending or the timeout passes.
     *
     * @param transactionId the id, {@code TXN-…}
     * @param timeout       how long to wait at most
     * @return the top-up in its final state, or still pending when the timeout passed first
     * @throws io.jumbe.sdk.errors.JumbeException when a status call fails
     */
    public TopUp waitForTopUp(String transactionId, Duration timeout) {
        return waitForTopUp(transactionId, timeout, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Polls a top-up at the given interval until it is no longer pending or the timeout passes.
     *
     * @param transactionId the id, {@code TXN-…}
     * @param timeout       how long to wait at most
     * @param pollInterval  the wait between two status calls
     * @return the top-up in its final state, or still pending when the timeout passed first
     * @throws io.jumbe.sdk.errors.JumbeException when a status call fails
     */
    public TopUp waitForTopUp(String transactionId, Duration timeout, Duration pollInterval) {
        Objects.requireNonNull(timeout, "timeout");
        if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        long startedNanos = System.nanoTime();
        Duration slept = Duration.ZERO;
        while (true) {
            TopUp topUp = topUpStatus(transactionId);
            if (topUp.status() == null || !topUp.status().isPending()) {
                return topUp;
            }
            // counts both real time and the time asked of the sleeper, so a sleeper that returns at once still ends
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            Duration waited = elapsed.compareTo(slept) > 0 ? elapsed : slept;
            Duration left = timeout.minus(waited);
            if (left.isNegative() || left.isZero()) {
                return topUp;
            }
            Duration nap = left.compareTo(pollInterval) < 0 ? left : pollInterval;
            calls.sleep(nap);
            slept = slept.plus(nap);
        }
    }

    /**
     * One page of the journal ({@code GET /wallet/transactions}), newest first. Use
     * {@link Page#autoPagingIterable()} to walk every page lazily.
     *
     * @param params filters and paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<WalletTransaction> transactions(TransactionListParams params) {
        return transactionPage(params, null);
    }

    /**
     * Every journal entry matching the filter, fetching each later page by cursor ({@code starting_after}) only
     * as iteration reaches it.
     *
     * @param params filters and the page size
     * @return a lazy iterable
     * @throws io.jumbe.sdk.errors.JumbeException when a page call fails during iteration
     */
    public Iterable<WalletTransaction> transactionsAll(TransactionListParams params) {
        return () -> transactions(params).autoPagingIterable().iterator();
    }

    private Page<WalletTransaction> transactionPage(TransactionListParams params, String after) {
        ListAnswer<WalletTransaction> answer = calls.execute(api.transactions(params.toQuery(after).values()));
        return Pages.of(answer, WalletTransaction::transactionId, next -> transactionPage(params, next));
    }

    /**
     * Streams every journal entry matching the filter as CSV ({@code Accept: text/csv}), whatever its size.
     * Paging fields are ignored.
     *
     * @param params filters
     * @param out    where the CSV goes; not closed
     * @return the number of bytes written
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails; a failure after the first byte is not retried
     */
    public long downloadTransactionsCsv(TransactionListParams params, OutputStream out) {
        Objects.requireNonNull(out, "out");
        return calls.download(api.transactionsCsv(params.filterQuery().values()), out);
    }

    /**
     * Asks for a manual credit, for example after a bank transfer ({@code POST /wallet/topup/manual}). An admin
     * approves or rejects it.
     *
     * @param params amount, reference and note
     * @return the pending request
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public ManualTopUpResult manualTopUp(ManualTopUpParams params) {
        return manualTopUp(params, RequestOptions.none());
    }

    /**
     * Asks for a manual credit with the caller's idempotency key.
     *
     * @param params  amount, reference and note
     * @param options the idempotency key
     * @return the pending request
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public ManualTopUpResult manualTopUp(ManualTopUpParams params, RequestOptions options) {
        return calls.execute(api.manualTopUp(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }
}
