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

    /**
     * {@link #json} for an answer that is final the moment it is written: nothing after it may replace it (no
     * idempotency record, no work left that could fail). The body goes straight to the response instead of being
     * handed to Javalin as a result, which copies every result through a new 8 KiB buffer: at thousands of delivery
     * reports a second that copy was a quarter of everything the server allocated.
     */
    public static void jsonFinal(Context ctx, int status, Object body) {
        String text = Json.write(body);
        ctx.status(status);
        ctx.attribute(BODY_ATTRIBUTE, text);
        ctx.contentType("application/json");
        writeNow(ctx, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes a body straight to the response (see {@link #jsonFinal}); the caller has set status and type. */
    public static void writeNow(Context ctx, byte[] body) {
        try {
            ctx.outputStream().write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
