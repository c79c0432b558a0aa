package io.jumbe.server.http;

import io.javalin.http.Context;
import java.util.UUID;

/** Gives every request an id, returned in {@code X-Request-Id} and in problem bodies, to find it in the logs. */
public final class RequestIds {
    public static final String ATTRIBUTE = "jumbe.requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String id = "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }
}
