package io.jumbe.server.payments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.jumbe.core.payments.TopupService;
import io.jumbe.core.payments.mpesa.MalformedStkCallbackException;
import io.jumbe.core.payments.mpesa.StkCallback;
import io.jumbe.core.payments.mpesa.StkCallbackParser;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Safaricom POSTs STK results: {@code /api/webhooks/mpesa/callback/{token}} (and {@code …/timeout/{token}},
 * read the same way). The secret token in the path is the main guard (Daraja signs nothing); a wrong one gets the
 * same 404 as any unknown path. A well-formed body is applied and acknowledged with Daraja's
 * {@code {"ResultCode": 0, "ResultDesc": "Accepted"}}; a malformed one gets 400 and a log line.
 */
public final class MpesaCallbackHandlers implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(MpesaCallbackHandlers.class);
    private final TopupService topups;
    private final byte[] token;
    private final CallbackSources sources;
    private final StkCallbackParser parser = new StkCallbackParser();

    /**
     * @param token   the secret path segment ({@code MPESA_CALLBACK_TOKEN}, or the one generated and stored)
     * @param sources the optional source-address allowlist
     */
    public MpesaCallbackHandlers(TopupService topups, String token, CallbackSources sources) {
        this.topups = topups;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.sources = sources;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/webhooks/mpesa/callback/{token}", ctx -> receive(ctx, "callback"));
        routes.post("/api/webhooks/mpesa/timeout/{token}", ctx -> receive(ctx, "timeout"));
    }

    void receive(Context ctx, String kind) {
        if (!MessageDigest.isEqual(token, ctx.pathParam("token").getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(404, "not_found", "No such endpoint: " + ctx.method() + " /api/webhooks/mpesa/" + kind);
        }
        String source = sources.clientAddress(ctx);
        if (!sources.allows(source)) {
            log.warn("M-Pesa {} from {} refused: not in MPESA_CALLBACK_ALLOWED_IPS", kind, source);
            throw new HttpProblem(403, "forbidden", "This address may not send M-Pesa callbacks.");
        }
        byte[] raw = ctx.bodyAsBytes();
        StkCallback callback;
        try {
            callback = parser.parse(raw);
        } catch (MalformedStkCallbackException e) {
            log.warn("malformed M-Pesa {} from {} refused: {}", kind, source, e.getMessage());
            throw new HttpProblem(400, "validation_failed", "Not an STK callback: " + e.getMessage());
        }
        TopupService.CallbackOutcome outcome = topups.handleCallback(callback,
                new String(raw, StandardCharsets.UTF_8));
        log.info("M-Pesa {} for {} (ResultCode {}): {}", kind, callback.checkoutRequestId(), callback.resultCode(),
                outcome);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ResultCode", 0);
        ack.put("ResultDesc", "Accepted");
        Responses.json(ctx, 200, ack);
    }
}
