package io.jumbe.core.webhooks;

import java.util.List;

/**
 * One delivery to send: what stays the same on every attempt of one event.
 *
 * @param url       the tenant's webhook URL
 * @param webhookId the {@code webhook-id}, the same on every retry and on a manual replay
 * @param eventType the event, e.g. {@code balance.updated}; sent as {@code X-Webhook-Event}
 * @param body      the JSON body bytes ({@link WebhookPayload#toBytes()}), signed and sent as they are
 * @param secrets   the secrets to sign with: one, or the new and the old one during a rotation
 */
public record WebhookMessage(String url, String webhookId, String eventType, byte[] body, List<WebhookSecret> secrets) {

    /** Copies the body and secrets so a caller's later change cannot alter what is signed. */
    public WebhookMessage {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one secret to be signed with");
        }
        body = body.clone();
        secrets = List.copyOf(secrets);
    }

    /** @return a copy of the body bytes */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
