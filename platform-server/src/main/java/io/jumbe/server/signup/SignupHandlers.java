package io.jumbe.server.signup;

import io.jumbe.core.signup.Signup;
import io.jumbe.core.signup.SignupRequest;
import io.jumbe.core.signup.SignupService;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.JsonBody;
import io.jumbe.server.http.Responses;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;

/**
 * Public, keyless sign-up: {@code POST /api/signup} and the verification link {@code GET /api/signup/verify}. Every
 * valid application gets the same 202, whether or not the address is known, so the endpoint tells nobody who has an
 * account.
 */
public final class SignupHandlers implements RouteGroup {
    /** Where the verification link points, under {@code PUBLIC_BASE_URL}. */
    public static final String VERIFY_PATH = "/api/signup/verify";
    /** An application is a few short fields. */
    static final int MAX_BODY_BYTES = 8 * 1024;
    private final SignupService signups;
    private final Function<Context, String> clientAddress;

    /** @param clientAddress the caller's address (behind {@code TRUSTED_PROXIES}, the forwarded one) */
    public SignupHandlers(SignupService signups, Function<Context, String> clientAddress) {
        this.signups = signups;
        this.clientAddress = clientAddress;
    }

    /** True for the keyless sign-up paths, which the key check leaves alone. */
    public static boolean isPublic(String path) {
        return path.equals("/api/signup") || path.equals(VERIFY_PATH);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/signup", this::apply);
        routes.get(VERIFY_PATH, this::verify);
    }

    void apply(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES || ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            throw new HttpProblem(413, "payload_too_large", "A sign-up is at most " + MAX_BODY_BYTES + " bytes.");
        }
        JsonBody body = JsonBody.of(ctx);
        SignupRequest request = new SignupRequest(body.text("name").orElse(null), body.text("email").orElse(null),
                body.text("phone").orElse(null), body.text("sender_id").orElse(null),
                body.text("use_case").orElse(null));
        body.throwIfInvalid();
        signups.apply(request, clientAddress.apply(ctx));
        Responses.json(ctx, 202, Map.of("status", "verification_sent"));
    }

    void verify(Context ctx) {
        Signup signup = signups.verify(ctx.queryParam("token"));
        Responses.json(ctx, 200, Map.of("status", signup.status(), "message", "Your email address is confirmed. "
                + "We email you a test key to build with now, review your application and email you your live API "
                + "key once it is approved."));
    }
}
