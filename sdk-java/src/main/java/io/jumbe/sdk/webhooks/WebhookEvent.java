package io.jumbe.sdk.webhooks;

import java.time.Instant;

/**
 * A verified webhook delivery, one record type per event. Test with {@code instanceof}:
 *
 * <pre>{@code
 * WebhookEvent event = webhook.verify(body, headers);
 * if (event instanceof WebhookEvent.MessageDelivered d) {
 *     markDelivered(d.data().messageId());
 * }
 * }</pre>
 *
 * <p>{@link #id()} is the {@code webhook-id}, the same on every retry of one event: use it to ignore duplicates.
 * {@link #sequence()} rises per account, to order events.
 */
public sealed interface WebhookEvent {

    /** Event name of {@link BalanceUpdated}. */
    String BALANCE_UPDATED = "balance.updated";
    /** Event name of {@link MessageSent}. */
    String MESSAGE_SENT = "message.sent";
    /** Event name of {@link MessageDelivered}. */
    String MESSAGE_DELIVERED = "message.delivered";
    /** Event name of {@link MessageRead}. */
    String MESSAGE_READ = "message.read";
    /** Event name of {@link MessageReceived}. */
    String MESSAGE_RECEIVED = "message.received";
    /** Event name of {@link MessageFailed}. */
    String MESSAGE_FAILED = "message.failed";
    /** Event name of {@link TopUpCompleted}. */
    String TOPUP_COMPLETED = "topup.completed";
    /** Event name of {@link TopUpFailed}. */
    String TOPUP_FAILED = "topup.failed";
    /** Event name of {@link WebhookTest}. */
    String WEBHOOK_TEST = "webhook.test";

    /**
     * The delivery's {@code webhook-id} header, stable across retries.
     *
     * @return the id
     */
    String id();

    /**
     * The event name, for example {@code balance.updated}.
     *
     * @return the name
     */
    String type();

    /**
     * The account the event belongs to.
     *
     * @return the {@code client_id}
     */
    Long clientId();

    /**
     * When the event happened.
     *
     * @return the instant
     */
    Instant timestamp();

    /**
     * The event's position in the account's sequence.
     *
     * @return the sequence number, or {@code null} when absent
     */
    Long sequence();

    /**
     * Whether the event comes from the account's live mode; {@code false} for test mode ({@code sk_test_} keys),
     * whose events go only to the test-mode webhook configuration. Bodies without the member count as live.
     *
     * @return the body's {@code livemode}
     */
    boolean livemode();

    /**
     * The wallet balance changed.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      old and new balance, amount, cause
     */
    record BalanceUpdated(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, BalanceUpdatedData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return BALANCE_UPDATED;
        }
    }

    /**
     * A message was handed to the operator.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the message
     */
    record MessageSent(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, MessageEventData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return MESSAGE_SENT;
        }
    }

    /**
     * A message reached the handset.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the message
     */
    record MessageDelivered(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, MessageEventData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return MESSAGE_DELIVERED;
        }
    }

    /**
     * A WhatsApp message was opened by its recipient.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the message ({@code status} {@code read})
     */
    record MessageRead(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, MessageEventData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return MESSAGE_READ;
        }
    }

    /**
     * A customer wrote to you (a WhatsApp reply); it opens the 24-hour window for free-form text.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the customer's message
     */
    record MessageReceived(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode,
                           io.jumbe.sdk.messages.InboundMessage data) implements WebhookEvent {
        @Override
        public String type() {
            return MESSAGE_RECEIVED;
        }
    }

    /**
     * A message failed.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the message and its error
     */
    record MessageFailed(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, MessageEventData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return MESSAGE_FAILED;
        }
    }

    /**
     * A top-up was paid and credited.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the top-up
     */
    record TopUpCompleted(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, TopUpEventData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return TOPUP_COMPLETED;
        }
    }

    /**
     * A top-up failed.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param data      the top-up and its failure reason
     */
    record TopUpFailed(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, TopUpEventData data)
            implements WebhookEvent {
        @Override
        public String type() {
            return TOPUP_FAILED;
        }
    }

    /**
     * A test sent from {@link WebhooksService#test()}.
     *
     * @param id        the {@code webhook-id}
     * @param clientId  the account
     * @param timestamp when it was sent
     * @param sequence  the position in the account's sequence, if any
     * @param livemode  false for an event of test mode
     * @param dataJson  the {@code data} member as raw JSON, or {@code null}
     */
    record WebhookTest(String id, Long clientId, Instant timestamp, Long sequence, boolean livemode, String dataJson)
            implements WebhookEvent {
        @Override
        public String type() {
            return WEBHOOK_TEST;
        }
    }

    /**
     * An event this SDK version does not know; its data is kept as raw JSON.
     *
     * @param id        the {@code webhook-id}
     * @param type      the event name
     * @param clientId  the account
     * @param timestamp when it happened
     * @param sequence  the position in the account's sequence
     * @param livemode  false for an event of test mode
     * @param dataJson  the {@code data} member as raw JSON, or {@code null}
     */
    record Unknown(String id, String type, Long clientId, Instant timestamp, Long sequence, boolean livemode, String dataJson)
            implements WebhookEvent {
    }
}
