package io.jumbe.sdk.realserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the status and headers of every response the SDK received, for facts the SDK does not surface (rate-limit
 * headers, {@code Idempotent-Replayed}); install with {@code JumbeClient.builder().httpClient(...)}.
 */
final class ResponseRecorder implements Interceptor {

    /** One response as the SDK saw it, with the request's idempotency key (never its API key). */
    record Seen(String method, String path, int status, String idempotencyKey, Headers headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final List<Seen> seen = new ArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        synchronized (this) {
            seen.add(new Seen(chain.request().method(), chain.request().url().encodedPath(), response.code(),
                    chain.request().header("Idempotency-Key"), response.headers()));
        }
        return response;
    }

    synchronized List<Seen> all() {
        return List.copyOf(seen);
    }

    synchronized Seen last() {
        if (seen.isEmpty()) {
            throw new AssertionError("no response recorded");
        }
        return seen.get(seen.size() - 1);
    }
}
