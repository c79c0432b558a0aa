package io.jumbe.sdk.sms;

import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import io.jumbe.sdk.internal.SendAnswer;
import java.util.List;
import java.util.Objects;

/**
 * SMS endpoints under {@code /api/{client_id}/sms}. Obtain it from {@link io.jumbe.sdk.JumbeClient#sms()}.
 * Thread-safe.
 */
public final class SmsService {
    private final ApiCalls calls;
    private final SmsApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public SmsService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(SmsApi.class);
    }

    /**
     * Sends one SMS ({@code POST /sms/send} with {@code recipient}). The cost is charged at once.
     *
     * @param params the message
     * @return the queued message, its cost and the new balance
     * @throws io.jumbe.sdk.errors.InsufficientBalanceException when the wallet cannot pay (nothing queued)
     * @throws io.jumbe.sdk.errors.ValidationException for a bad number, text or sender
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public SmsSendResult send(SendSmsParams params) {
        return send(params, RequestOptions.none());
    }

    /**
     * Sends one SMS with the caller's idempotency key.
     *
     * @param params  the message
     * @param options the idempotency key
     * @return the queued message, its cost and the new balance
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public SmsSendResult send(SendSmsParams params, RequestOptions options) {
        return calls.execute(api.send(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * Sends one text to several recipients ({@code POST /sms/send} with {@code recipients}), charged as one debit.
     *
     * @param params the message and recipients
     * @return the accepted messages, the refused recipients, the total cost and the new balance
     * @throws io.jumbe.sdk.errors.InsufficientBalanceException when the wallet cannot pay for all (nothing queued)
     * @throws io.jumbe.sdk.errors.ValidationException when every recipient is invalid, or the text or sender is bad
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public BulkSendResult sendBulk(BulkSendSmsParams params) {
        return sendBulk(params, RequestOptions.none());
    }

    /**
     * Sends one text to several recipients with the caller's idempotency key.
     *
     * @param params  the message and recipients
     * @param options the idempotency key
     * @return the accepted messages, the refused recipients, the total cost and the new balance
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public BulkSendResult sendBulk(BulkSendSmsParams params, RequestOptions options) {
        SendAnswer a = calls.execute(api.sendBulk(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
        List<QueuedMessage> messages = a.messages();
        if ((messages == null || messages.isEmpty()) && a.messageId() != null) {
            messages = List.of(new QueuedMessage(a.messageId(), a.recipient(), a.segments(), a.cost()));
        }
        return new BulkSendResult(a.status(), a.batchId(), messages, a.encoding(),
                a.totalCost() != null ? a.totalCost() : a.cost(),
                a.balance(), a.rejected());
    }

    /**
     * Prices one message without sending or charging ({@code POST /sms/quote}).
     *
     * @param params the message
     * @return segments, encoding, characters and cost
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails or the message is invalid
     */
    public SmsQuote quote(SendSmsParams params) {
        return calls.execute(api.quote(params.toBody(), ApiCalls.idempotencyKey(null)));
    }

    /**
     * Prices a bulk message without sending or charging ({@code POST /sms/quote}).
     *
     * @param params the message and recipients
     * @return segments, encoding, characters, cost per recipient and total
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails or the message is invalid
     */
    public SmsQuote quote(BulkSendSmsParams params) {
        return calls.execute(api.quote(params.toBody(), ApiCalls.idempotencyKey(null)));
    }

    /**
     * One message's status and history ({@code GET /sms/status/{message_id}}).
     *
     * @param messageId the id, {@code MSG-…}
     * @return the message
     * @throws io.jumbe.sdk.errors.NotFoundException when no such message belongs to this account
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public SmsMessage status(String messageId) {
        requireId(messageId);
        return calls.execute(api.status(ApiCalls.pathSegment(messageId)));
    }

    /**
     * One page of sent messages ({@code GET /sms/history}), newest first. Use
     * {@link Page#autoPagingIterable()} to walk every page lazily.
     *
     * @param params filters and paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<SmsMessage> history(SmsHistoryParams params) {
        return historyPage(params, null);
    }

    /**
     * Every message matching the filter, fetching each later page by cursor ({@code starting_after}) only as
     * iteration reaches it: messages sent meanwhile never make one appear twice or go missing.
     *
     * @param params filters and the page size
     * @return a lazy iterable
     * @throws io.jumbe.sdk.errors.JumbeException when a page call fails during iteration
     */
    public Iterable<SmsMessage> historyAll(SmsHistoryParams params) {
        return () -> history(params).autoPagingIterable().iterator();
    }

    private Page<SmsMessage> historyPage(SmsHistoryParams params, String after) {
        ListAnswer<SmsMessage> answer = calls.execute(api.history(params.toQuery(after).values()));
        return Pages.of(answer, SmsMessage::messageId, next -> historyPage(params, next));
    }

    /**
     * Counts by status, segments and cost over a range ({@code GET /sms/statistics}).
     *
     * @param params the range
     * @return the statistics
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public SmsStatistics statistics(SmsStatisticsParams params) {
        return calls.execute(api.statistics(params.toQuery().values()));
    }

    /**
     * Counts by status, segments and cost for today and for this month ({@code GET /sms/statistics} without a
     * range).
     *
     * @return both ranges' statistics
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public SmsStatisticsOverview statisticsOverview() {
        return calls.execute(api.statisticsOverview());
    }

    /**
     * Cancels a scheduled message that has not left yet; its cost is refunded ({@code DELETE /sms/{message_id}}).
     *
     * @param messageId the id, {@code MSG-…}
     * @return the message as it is after cancelling, or {@code null} when the server answers with no body
     * @throws io.jumbe.sdk.errors.NotFoundException when no such message belongs to this account
     * @throws io.jumbe.sdk.errors.JumbeException with code {@code not_cancellable} when it was not scheduled or has
     *                                            already left, or when the call fails
     */
    public SmsMessage cancel(String messageId) {
        requireId(messageId);
        return calls.execute(api.cancel(ApiCalls.pathSegment(messageId), ApiCalls.idempotencyKey(null)));
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message id is required");
        }
    }
}
