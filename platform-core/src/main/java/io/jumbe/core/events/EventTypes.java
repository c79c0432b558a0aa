package io.jumbe.core.events;

import java.util.List;

/** The event names tenants can subscribe to. */
public final class EventTypes {
    public static final String BALANCE_UPDATED = "balance.updated";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_DELIVERED = "message.delivered";
    public static final String MESSAGE_FAILED = "message.failed";
    /** A WhatsApp message the recipient opened. */
    public static final String MESSAGE_READ = "message.read";
    /** A customer wrote to the tenant (a WhatsApp reply). */
    public static final String MESSAGE_RECEIVED = "message.received";
    public static final String TOPUP_COMPLETED = "topup.completed";
    public static final String TOPUP_FAILED = "topup.failed";
    public static final String CONTACT_OPTED_OUT = "contact.opted_out";
    public static final String CAMPAIGN_LAUNCHED = "campaign.launched";
    public static final String CAMPAIGN_COMPLETED = "campaign.completed";

    /**
     * A receiver's 410 Gone turned the tenant's webhooks off. Internal: not delivered as a webhook (it would go nowhere);
     * the tenant hears of it by email.
     */
    public static final String WEBHOOKS_DISABLED = "webhooks.disabled";

    public static final List<String> ALL = List.of(BALANCE_UPDATED, MESSAGE_SENT, MESSAGE_DELIVERED, MESSAGE_FAILED,
            MESSAGE_READ, MESSAGE_RECEIVED, TOPUP_COMPLETED, TOPUP_FAILED, CONTACT_OPTED_OUT,
            CAMPAIGN_LAUNCHED, CAMPAIGN_COMPLETED);

    private EventTypes() {
    }
}
