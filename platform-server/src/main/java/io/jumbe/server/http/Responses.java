package io.jumbe.server.http;

import io.jumbe.core.common.Json;
import io.javalin.http.Context;

/**
 * Writes response bodies as strings we keep, so the idempotency layer can store exactly what the client got.
 */
public final class Responses {
    public static final String BODY_ATTRIBUTE = "jumbe.responseBody";
    /** Set when the body shows a secret, so a stored copy of it (for idempotent replay) is kept encrypted. */
    public static final String SECRET_ATTRIBUTE = "jumbe.responseCarriesSecret";

    private Responses() {
    }

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        raw(ctx, Json.write(body), "application/json");
    }

    /** Marks the response as showing a secret (see {@link #SECRET_ATTRIBUTE}). */
    public static void carriesSecret(Context ctx) {
        ctx.attribute(SECRET_ATTRIBUTE, Boolean.TRUE);
    }

    public static void raw(Context ctx, String body, String contentType) {
        ctx.attribute(BODY_ATTRIBUTE, body);
        ctx.contentType(contentType);
        ctx.result(body);
    }
}
