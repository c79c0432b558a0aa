package io.jumbe.server.account;

import io.jumbe.core.apikeys.Principal;
import io.jumbe.core.tenant.Account;
import io.jumbe.core.tenant.TenantService;
import io.jumbe.core.wallet.Balance;
import io.jumbe.core.wallet.WalletService;
import io.jumbe.core.whatsapp.Category;
import io.jumbe.core.whatsapp.WhatsAppPrices;
import io.jumbe.core.whatsapp.WhatsAppService;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account view: its settings and the balance. */
public final class AccountHandlers implements io.jumbe.server.http.RouteGroup {
    private final WalletService wallet;
    private final TenantService tenants;
    private final WhatsAppService whatsapp;

    public AccountHandlers(WalletService wallet, TenantService tenants, WhatsAppService whatsapp) {
        this.wallet = wallet;
        this.tenants = tenants;
        this.whatsapp = whatsapp;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/{client_id}/account", this::account);
        routes.get("/api/{client_id}/client/balance", this::balance);
    }

    void account(Context ctx) {
        Principal principal = Authenticator.principal(ctx);
        Account a = tenants.account(principal.tenantId(), Authenticator.tenant(ctx).mode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", a.name());
        body.put("tier", a.tier().wireName());
        body.put("rate_limit_per_minute", a.rateLimitPerMinute());
        body.put("price_per_segment", a.pricePerSegment().toDecimal());
        body.put("currency", "KES");
        body.put("sender_ids", a.senderIds());
        body.put("low_balance_threshold", a.lowBalanceThreshold().toDecimal());
        body.put("mode", a.mode());
        WhatsAppPrices prices = whatsapp.prices(principal.tenantId());
        Map<String, Object> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.wireName(), prices.of(c).toDecimal());
        }
        body.put("whatsapp_prices", byCategory);
        Responses.json(ctx, 200, body);
    }

    void balance(Context ctx) {
        Balance b = wallet.balance(Authenticator.tenantId(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", b.balance().toDecimal());
        body.put("currency", "KES");
        body.put("units", b.units());
        body.put("price_per_unit", b.pricePerUnit().toDecimal());
        Responses.json(ctx, 200, body);
    }
}
