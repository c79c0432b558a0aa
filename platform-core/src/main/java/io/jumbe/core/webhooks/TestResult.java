package io.jumbe.core.webhooks;

/**
 * What the receiver did with a {@code webhook.test} delivery.
 *
 * @param deliveryId the delivery logged for the test
 * @param webhookId  its {@code webhook-id}
 * @param attempt    status, latency, error and the start of the body
 */
public record TestResult(String deliveryId, String webhookId, AttemptResult attempt) {
}
