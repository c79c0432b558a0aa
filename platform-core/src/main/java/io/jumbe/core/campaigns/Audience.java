package io.jumbe.core.campaigns;

import java.util.List;

/**
 * Who a campaign goes to: members of groups, contacts by id, and numbers given directly. De-duplicated by
 * normalised phone (the first occurrence wins) and without the tenant's opt-outs.
 */
public record Audience(List<String> groups, List<String> contacts, List<String> recipients) {
    public Audience {
        groups = groups == null ? List.of() : List.copyOf(groups);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
