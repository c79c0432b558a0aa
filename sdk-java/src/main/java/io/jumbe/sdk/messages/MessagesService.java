package io.jumbe.sdk.messages;

import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import java.util.Objects;

/**
 * Messages of both channels under {@code /api/{client_id}/messages}: send SMS or WhatsApp through one endpoint,
 * follow a message, list the history and the replies customers sent. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#messages()}. Thread-safe.
 */
public final class MessagesService {
    private final ApiCalls calls;
    private final MessagesApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public MessagesService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(MessagesApi.class);
    }

    /**
     * Sends on the channel the parameters name ({@code POST /messages/send}); the cost is charged at once.
     *
     * @param params the message and recipient(s)
     * @return what was queued, its cost and the new balance
     * @throws io.jumbe.sdk.errors.InsufficientBalanceException when the wallet cannot pay (nothing queued)
     * @throws io.jumbe.sdk.errors.ValidationException for a bad number or field, a wrong parameter count, free-form
     *                                                 text outside the 24-hour window ({@code whatsapp_window_closed})
     *                                                 or an unknown template ({@code unknown_template})
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public MessageSendResult send(SendMessageParams params) {
        return send(params, RequestOptions.none());
    }

    /**
     * As {@link #send(SendMessageParams)}, with the caller's idempotency key.
     *
     * @param params  the message and recipient(s)
     * @param options the idempotency key
     * @return what was queued
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public MessageSendResult send(SendMessageParams params, RequestOptions options) {
        return calls.execute(api.send(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * One message you sent, on either channel ({@code GET /messages/{id}}).
     *
     * @param messageId the {@code MSG-…} id
     * @return the message
     * @throws io.jumbe.sdk.errors.NotFoundException when it is not one of yours
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public ChannelMessage get(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("message id is required");
        }
        return calls.execute(api.get(ApiCalls.pathSegment(messageId)));
    }

    /**
     * One page of the messages you sent on both channels, newest first ({@code GET /messages}).
     *
     * @param params filters and paging
     * @return the page; {@link Page#autoPagingIterable()} walks the rest
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<ChannelMessage> list(MessageListParams params) {
        return listPage(params, null);
    }

    private Page<ChannelMessage> listPage(MessageListParams params, String after) {
        ListAnswer<ChannelMessage> answer = calls.execute(api.list(params.toQuery(null, after).values()));
        return Pages.of(answer, ChannelMessage::messageId, next -> listPage(params, next));
    }

    /**
     * One page of the messages customers sent you, newest first ({@code GET /messages?direction=inbound}).
     *
     * @param params filters ({@code recipient} is the sender) and paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<InboundMessage> inbound(MessageListParams params) {
        return inboundPage(params, null);
    }

    private Page<InboundMessage> inboundPage(MessageListParams params, String after) {
        ListAnswer<InboundMessage> answer = calls.execute(api.inbound(params.toQuery("inbound", after).values()));
        return Pages.of(answer, InboundMessage::messageId, next -> inboundPage(params, next));
    }
}
