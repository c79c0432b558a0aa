package io.jumbe.server.http;

import io.jumbe.core.common.Json;
import io.javalin.http.Context;

/**
 * Writes response bodies as strings we keep, so the idempotency layer can store exactly what the client got.
 */
public final class Responses {
    public static final String BODY_ATTRIBUTE = "jumbe.responseBody";

    private Responses() {
    }

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        raw(ctx, Json.write(body), "application/json");
    }

    public static void raw(Context ctx, String body, String contentType) {
        ctx.attribute(BODY_ATTRIBUTE, body);
        ctx.contentType(contentType);
        ctx.result(body);
    }
}
