package io.jumbe.sdk.webhooks;

import io.jumbe.sdk.Page;
import io.jumbe.sdk.RequestOptions;
import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import io.jumbe.sdk.internal.Pages;
import java.util.Map;
import java.util.Objects;

/**
 * Webhook endpoints under {@code /api/{client_id}/webhooks}. Obtain it from
 * {@link io.jumbe.sdk.JumbeClient#webhooks()}. To verify deliveries use {@link Webhook}. Thread-safe.
 */
public final class WebhooksService {
    private final ApiCalls calls;
    private final WebhooksApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public WebhooksService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(WebhooksApi.class);
    }

    /**
     * The current configuration, without the secret ({@code GET /webhooks/config}).
     *
     * @return the configuration
     * @throws io.jumbe.sdk.errors.NotFoundException when webhooks were never configured
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public WebhookConfig getConfig() {
        return calls.execute(api.getConfig());
    }

    /**
     * Stores the configuration ({@code PUT /webhooks/config}). When no secret is given the server generates one
     * and returns it in {@link WebhookConfig#webhookSecret()}, this once.
     *
     * @param params URL, events and optional secret
     * @return the stored configuration
     * @throws io.jumbe.sdk.errors.ValidationException for an unknown event or a refused URL
     *                                                 ({@code webhook_url_not_allowed})
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public WebhookConfig putConfig(WebhookConfigParams params) {
        return putConfig(params, RequestOptions.none());
    }

    /**
     * Stores the configuration with the caller's idempotency key: a retry with the same key (after a lost answer,
     * even from another process) gets the same answer, with the same generated secret, instead of storing again.
     *
     * @param params  URL, events and optional secret
     * @param options the idempotency key
     * @return the stored configuration
     * @throws io.jumbe.sdk.errors.ValidationException for an unknown event or a refused URL
     *                                                 ({@code webhook_url_not_allowed})
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public WebhookConfig putConfig(WebhookConfigParams params, RequestOptions options) {
        return calls.execute(api.putConfig(params.toBody(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * Turns webhooks off ({@code DELETE /webhooks/config}); the URL and events are kept, deliveries stop.
     *
     * @return the configuration, now with {@code enabled} false
     * @throws io.jumbe.sdk.errors.NotFoundException when webhooks were never configured
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public WebhookConfig deleteConfig() {
        return calls.execute(api.deleteConfig(ApiCalls.idempotencyKey(null)));
    }

    /**
     * Replaces the signing secret ({@code POST /webhooks/secret/rotate}); for 24 h deliveries are signed with both.
     *
     * @return the new secret, shown once
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public SecretRotation rotateSecret() {
        return rotateSecret(RequestOptions.none());
    }

    /**
     * Replaces the signing secret with the caller's idempotency key.
     *
     * @param options the idempotency key
     * @return the new secret, shown once
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public SecretRotation rotateSecret(RequestOptions options) {
        return calls.execute(api.rotateSecret(Map.of(), ApiCalls.idempotencyKey(options.idempotencyKey())));
    }

    /**
     * Sends a {@code webhook.test} event now ({@code POST /webhooks/test}).
     *
     * @return the receiver's status and latency
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public WebhookTestResult test() {
        return calls.execute(api.test(Map.of(), ApiCalls.idempotencyKey(null)));
    }

    /**
     * One page of the delivery log ({@code GET /webhooks/deliveries}), newest first.
     *
     * @param params filters and paging
     * @return the page
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public Page<WebhookDelivery> deliveries(DeliveryListParams params) {
        return deliveryPage(params, null);
    }

    /**
     * Every delivery matching the filter, fetching each later page by cursor ({@code starting_after}) only as
     * iteration reaches it.
     *
     * @param params filters and the page size
     * @return a lazy iterable
     * @throws io.jumbe.sdk.errors.JumbeException when a page call fails during iteration
     */
    public Iterable<WebhookDelivery> deliveriesAll(DeliveryListParams params) {
        return () -> deliveries(params).autoPagingIterable().iterator();
    }

    private Page<WebhookDelivery> deliveryPage(DeliveryListParams params, String after) {
        ListAnswer<WebhookDelivery> answer = calls.execute(api.deliveries(params.toQuery(after).values()));
        return Pages.of(answer, WebhookDelivery::deliveryId, next -> deliveryPage(params, next));
    }

    /**
     * One delivery with every attempt ({@code GET /webhooks/deliveries/{delivery_id}}).
     *
     * @param deliveryId the id
     * @return the delivery
     * @throws io.jumbe.sdk.errors.NotFoundException when no such delivery belongs to this account
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public WebhookDelivery delivery(String deliveryId) {
        requireId(deliveryId);
        return calls.execute(api.delivery(ApiCalls.pathSegment(deliveryId)));
    }

    /**
     * Sends a delivery again now, with the same {@code webhook-id}
     * ({@code POST /webhooks/deliveries/{delivery_id}/retry}).
     *
     * @param deliveryId the id
     * @return the delivery, queued for its new attempt
     * @throws io.jumbe.sdk.errors.NotFoundException when no such delivery belongs to this account
     * @throws io.jumbe.sdk.errors.JumbeException for any other failure
     */
    public WebhookDelivery retry(String deliveryId) {
        requireId(deliveryId);
        return calls.execute(api.retry(ApiCalls.pathSegment(deliveryId), Map.of(), ApiCalls.idempotencyKey(null)));
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("delivery id is required");
        }
    }
}
