package io.jumbe.server.account;

import io.jumbe.core.wallet.Balance;
import io.jumbe.core.wallet.WalletService;
import io.jumbe.server.http.Authenticator;
import io.jumbe.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account view: balance. */
public final class AccountHandlers implements io.jumbe.server.http.RouteGroup {
    private final WalletService wallet;

    public AccountHandlers(WalletService wallet) {
        this.wallet = wallet;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/{client_id}/client/balance", this::balance);
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
