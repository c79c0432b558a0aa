/**
 * Webhooks: configuration and delivery log ({@link io.jumbe.sdk.webhooks.WebhooksService}) and verification of
 * incoming deliveries into typed events ({@link io.jumbe.sdk.webhooks.Webhook},
 * {@link io.jumbe.sdk.webhooks.WebhookEvent}).
 */
package io.jumbe.sdk.webhooks;
