package io.jumbe.core.events;

import java.util.List;

/** The event names tenants can subscribe to. */
public final class EventTypes {
    public static final String BALANCE_UPDATED = "balance.updated";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_DELIVERED = "message.delivered";
    public static final String MESSAGE_FAILED = "message.failed";
    public static final String TOPUP_COMPLETED = "topup.completed";
    public static final String TOPUP_FAILED = "topup.failed";
    public static final String CONTACT_OPTED_OUT = "contact.opted_out";
    public static final String CAMPAIGN_LAUNCHED = "campaign.launched";
    public static final String CAMPAIGN_COMPLETED = "campaign.completed";

    public static final List<String> ALL = List.of(BALANCE_UPDATED, MESSAGE_SENT, MESSAGE_DELIVERED, MESSAGE_FAILED,
            TOPUP_COMPLETED, TOPUP_FAILED, CONTACT_OPTED_OUT, CAMPAIGN_LAUNCHED, CAMPAIGN_COMPLETED);

    private EventTypes() {
    }
}
