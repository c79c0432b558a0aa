package io.jumbe.server.http;

import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.ServiceException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes RFC 9457 problem details with a stable {@code code}. Every error the API answers goes through here, so
 * tenants always meet one shape; {@code type} links to the code's entry on the docs' Errors page.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Map<String, Integer> STATUS_BY_CODE = Map.ofEntries(
            Map.entry("validation_failed", 400),
            Map.entry("invalid_recipient", 400),
            Map.entry("webhook_url_not_allowed", 400),
            Map.entry("webhooks_disabled", 400),
            Map.entry("unauthorized", 401),
            Map.entry("insufficient_balance", 402),
            Map.entry("forbidden", 403),
            Map.entry("account_suspended", 403),
            Map.entry("account_pending", 403),
            Map.entry("test_mode_only", 403),
            Map.entry("not_found", 404),
            Map.entry("method_not_allowed", 405),
            Map.entry("request_timeout", 408),
            Map.entry("not_cancellable", 409),
            Map.entry("contact_exists", 409),
            Map.entry("campaign_not_allowed", 409),
            Map.entry("idempotency_in_progress", 409),
            Map.entry("payload_too_large", 413),
            Map.entry("unsupported_media_type", 415),
            Map.entry("sender_not_allowed", 422),
            Map.entry("unknown_template", 422),
            Map.entry("whatsapp_window_closed", 422),
            Map.entry("recipient_opted_out", 422),
            Map.entry("idempotency_conflict", 422),
            Map.entry("rate_limited", 429),
            Map.entry("internal_error", 500),
            Map.entry("payment_provider_error", 502),
            Map.entry("service_unavailable", 503));
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("validation_failed", "Invalid request"),
            Map.entry("invalid_recipient", "Invalid recipient"),
            Map.entry("webhook_url_not_allowed", "Webhook URL not allowed"),
            Map.entry("webhooks_disabled", "Webhooks disabled"),
            Map.entry("unauthorized", "Unauthorized"),
            Map.entry("insufficient_balance", "Insufficient balance"),
            Map.entry("forbidden", "Forbidden"),
            Map.entry("account_suspended", "Account suspended"),
            Map.entry("account_pending", "Account waiting for approval"),
            Map.entry("test_mode_only", "Test mode only"),
            Map.entry("not_found", "Not found"),
            Map.entry("method_not_allowed", "Method not allowed"),
            Map.entry("request_timeout", "Request timeout"),
            Map.entry("not_cancellable", "Not cancellable"),
            Map.entry("contact_exists", "Contact exists"),
            Map.entry("campaign_not_allowed", "Not allowed in this campaign state"),
            Map.entry("idempotency_in_progress", "Request in progress"),
            Map.entry("payload_too_large", "Payload too large"),
            Map.entry("unsupported_media_type", "Unsupported media type"),
            Map.entry("sender_not_allowed", "Sender not allowed"),
            Map.entry("unknown_template", "Unknown template"),
            Map.entry("whatsapp_window_closed", "WhatsApp window closed"),
            Map.entry("recipient_opted_out", "Recipient opted out"),
            Map.entry("idempotency_conflict", "Idempotency key reused"),
            Map.entry("rate_limited", "Too many requests"),
            Map.entry("internal_error", "Internal error"),
            Map.entry("payment_provider_error", "Payment provider error"),
            Map.entry("service_unavailable", "Service unavailable"));

    private Problems() {
    }

    /** Every code the API answers with, and its status (the docs' contract test holds the Errors page to it). */
    public static Map<String, Integer> codes() {
        return STATUS_BY_CODE;
    }

    public static int statusOf(String code) {
        return STATUS_BY_CODE.getOrDefault(code, 400);
    }

    public static void write(Context ctx, ServiceException e) {
        write(ctx, statusOf(e.code()), e.code(), e.detail(), e.fieldErrors(), e.extras());
    }

    public static void write(Context ctx, HttpProblem e) {
        write(ctx, e.status(), e.code(), e.getMessage(), e.fieldErrors(), e.extras());
    }

    public static void write(Context ctx, int status, String code, String detail, List<FieldError> errors,
                             Map<String, Object> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/docs/errors.html#" + code);
        body.put("title", TITLES.getOrDefault(code, "Error"));
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.put("instance", ctx.path());
        String requestId = ctx.attribute(RequestIds.ATTRIBUTE);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        extras.forEach(body::putIfAbsent);
        ctx.status(status);
        Responses.raw(ctx, Json.write(body), CONTENT_TYPE);
    }
}
