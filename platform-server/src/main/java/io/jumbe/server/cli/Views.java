package io.jumbe.server.cli;

import io.jumbe.core.apikeys.ApiKey;
import io.jumbe.core.tenant.Tenant;
import io.jumbe.core.wallet.WalletTransaction;
import java.util.LinkedHashMap;
import java.util.Map;

/** How admin commands show the platform's records. */
final class Views {
    private Views() {
    }

    static Map<String, Object> tenant(Tenant t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("email", t.email());
        m.put("status", t.status());
        m.put("tier", t.tier().wireName());
        m.put("balance", t.balance().toDecimal());
        m.put("price_per_segment", t.pricePerSegment().toDecimal());
        m.put("low_balance_threshold", t.lowBalanceThreshold().toDecimal());
        m.put("default_sender_id", t.defaultSenderId());
        m.put("sender_ids", String.join(",", t.senderIds()));
        m.put("created_at", t.createdAt().toString());
        return m;
    }

    static Map<String, Object> tenantRow(Tenant t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("status", t.status());
        m.put("tier", t.tier().wireName());
        m.put("balance", t.balance().toDecimal());
        m.put("sender_ids", String.join(",", t.senderIds()));
        return m;
    }

    static Map<String, Object> key(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("prefix", k.prefix());
        m.put("mode", k.mode());
        m.put("created_at", k.createdAt().toString());
        m.put("expires_at", k.expiresAt() == null ? null : k.expiresAt().toString());
        m.put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().toString());
        m.put("last_used_at", k.lastUsedAt() == null ? null : k.lastUsedAt().toString());
        return m;
    }

    static Map<String, Object> transaction(WalletTransaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("type", t.type());
        m.put("amount", t.amount().toDecimal());
        m.put("status", t.status());
        m.put("method", t.paymentMethod());
        m.put("reference", t.reference());
        m.put("balance_after", t.balanceAfter() == null ? null : t.balanceAfter().toDecimal());
        m.put("created_at", t.createdAt().toString());
        return m;
    }

    static Map<String, Object> topup(io.jumbe.core.payments.Topup t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transaction_id", t.transactionId());
        m.put("client_id", t.tenantId());
        m.put("status", t.status());
        m.put("amount", t.amount().toDecimal());
        m.put("method", t.paymentMethod());
        m.put("reference", t.reference());
        m.put("note", t.note());
        m.put("failure_reason", t.failureReason());
        m.put("resolved_by", t.resolvedBy());
        m.put("created_at", t.createdAt().toString());
        return m;
    }

    /** The raw callback body only in JSON: it does not fit a table. */
    static Map<String, Object> anomaly(io.jumbe.core.payments.PaymentAnomaly a, boolean withBody) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind());
        m.put("checkout_request_id", a.checkoutRequestId());
        m.put("transaction_id", a.transactionId());
        m.put("client_id", a.tenantId());
        m.put("mpesa_receipt", a.mpesaReceipt());
        m.put("amount", a.amount() == null ? null : a.amount().toDecimal());
        m.put("expected", a.expected() == null ? null : a.expected().toDecimal());
        m.put("phone_number", a.phoneNumber());
        m.put("reason", a.reason());
        m.put("created_at", a.createdAt().toString());
        m.put("resolved_at", a.resolvedAt() == null ? null : a.resolvedAt().toString());
        if (withBody) {
            m.put("raw_body", a.rawBody());
        }
        return m;
    }
}
