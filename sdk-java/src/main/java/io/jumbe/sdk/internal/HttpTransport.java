package io.jumbe.sdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.jumbe.sdk.Sleeper;
import io.jumbe.sdk.errors.ApiProblem;
import io.jumbe.sdk.errors.ConnectionException;
import io.jumbe.sdk.errors.FieldError;
import io.jumbe.sdk.errors.JumbeException;
import io.jumbe.sdk.errors.UnexpectedResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one logical API call, retrying it in this one place: connection failures, 409 (the same idempotency key
 * still running), 429 (waiting as {@code Retry-After} says) and 5xx, with exponential backoff and jitter. A POST's
 * {@code Idempotency-Key} is chosen before the first attempt and sent unchanged on every retry.
 */
public final class HttpTransport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Settings settings;
    private final Logger logger = Logger.getLogger("io.jumbe.sdk");

    /**
     * Everything the transport needs, fixed at client build time.
     *
     * @param http              the OkHttp client, with its own retries turned off
     * @param moshi             the JSON mapper
     * @param baseUrl           the API origin, for example {@code https://api.example.com}
     * @param clientId          the tenant's numeric id, the {@code {client_id}} path segment
     * @param apiKey            the API key sent as {@code X-API-Key}
     * @param maxRetries        retries after the first attempt
     * @param initialRetryDelay the first backoff delay before jitter
     * @param maxRetryDelay     the largest backoff delay
     * @param maxRetryAfter     the longest {@code Retry-After} the SDK waits for before giving up
     * @param sleeper           waits between attempts
     * @param clock             reads {@code Retry-After} dates
     * @param logging           whether to log one line per attempt (never the key)
     * @param userAgent         the {@code User-Agent} header
     */
    public record Settings(OkHttpClient http, Moshi moshi, HttpUrl baseUrl, long clientId, String apiKey,
                           int maxRetries, Duration initialRetryDelay, Duration maxRetryDelay,
                           Duration maxRetryAfter, Sleeper sleeper, Clock clock, boolean logging,
                           String userAgent) {
        /**
         * Checks the settings.
         *
         * @param http              the OkHttp client
         * @param moshi             the JSON mapper
         * @param baseUrl           the API origin
         * @param clientId          the tenant's numeric id
         * @param apiKey            the API key
         * @param maxRetries        retries after the first attempt
         * @param initialRetryDelay the first backoff delay
         * @param maxRetryDelay     the largest backoff delay
         * @param maxRetryAfter     the longest {@code Retry-After} honoured
         * @param sleeper           waits between attempts
         * @param clock             reads {@code Retry-After} dates
         * @param logging           whether to log
         * @param userAgent         the {@code User-Agent} header
         */
        public Settings {
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(moshi, "moshi");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(clock, "clock");
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", maxRetries=" + maxRetries + "]";
        }
    }

    /**
     * Creates a transport.
     *
     * @param settings its fixed settings
     */
    public HttpTransport(Settings settings) {
        this.settings = settings;
    }

    /**
     * The JSON mapper, for services that decode by hand.
     *
     * @return the shared Moshi
     */
    public Moshi moshi() {
        return settings.moshi();
    }

    /**
     * Waits with the configured sleeper; used by polling helpers.
     *
     * @param duration how long
     * @throws ConnectionException when the thread is interrupted
     */
    public void sleep(Duration duration) {
        try {
            settings.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting", e);
        }
    }

    /**
     * GET a JSON resource under {@code /api/{client_id}/}.
     *
     * @param <T>      the decoded type
     * @param type     the type to decode
     * @param query    query parameters, or {@code null}
     * @param segments path segments after the client id, each percent-encoded
     * @return the decoded answer
     */
    public <T> T get(Type type, Query query, String... segments) {
        return call("GET", type, null, query, null, segments);
    }

    /**
     * POST a JSON body with an {@code Idempotency-Key}.
     *
     * @param <T>            the decoded type
     * @param type           the type to decode
     * @param body           the body to encode, or {@code null} for {@code {}}
     * @param idempotencyKey the caller's key, or {@code null} to generate one for this call
     * @param segments       path segments after the client id
     * @return the decoded answer
     */
    public <T> T post(Type type, Object body, String idempotencyKey, String... segments) {
        return call("POST", type, body == null ? Map.of() : body, null, keyFor(idempotencyKey), segments);
    }

    /**
     * PUT a JSON body with an {@code Idempotency-Key}.
     *
     * @param <T>            the decoded type
     * @param type           the type to decode
     * @param body           the body to encode
     * @param idempotencyKey the caller's key, or {@code null} to generate one for this call
     * @param segments       path segments after the client id
     * @return the decoded answer
     */
    public <T> T put(Type type, Object body, String idempotencyKey, String... segments) {
        return call("PUT", type, body, null, keyFor(idempotencyKey), segments);
    }

    /**
     * DELETE a resource with an {@code Idempotency-Key}.
     *
     * @param <T>            the decoded type; {@code Void.class} ignores the answer's body
     * @param type           the type to decode
     * @param idempotencyKey the caller's key, or {@code null} to generate one for this call
     * @param segments       path segments after the client id
     * @return the decoded answer, or {@code null} for an empty body or {@code Void}
     */
    public <T> T delete(Type type, String idempotencyKey, String... segments) {
        return call("DELETE", type, null, null, keyFor(idempotencyKey), segments);
    }

    // Every call that changes state carries a key, chosen here once, before the retry loop, so that a retry
    // after a lost answer gets the first call's answer instead of doing the change again.
    private static String keyFor(String idempotencyKey) {
        return idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    }

    /**
     * GET a resource and copy its body to a stream, asking for the given media type. Retries happen only before
     * the first byte is written.
     *
     * @param out      where the body goes; not closed
     * @param accept   the {@code Accept} header, for example {@code text/csv}
     * @param query    query parameters, or {@code null}
     * @param segments path segments after the client id
     * @return the number of bytes written
     */
    public long download(OutputStream out, String accept, Query query, String... segments) {
        Request request = newRequest("GET", null, query, null, segments).header("Accept", accept).build();
        return execute(request, response -> {
            long written = 0;
            try (InputStream in = response.body().byteStream()) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                    written += n;
                }
            } catch (IOException e) {
                throw new ConnectionException("download of " + request.url().encodedPath() + " failed after "
                        + written + " bytes", e);
            }
            return written;
        });
    }

    private <T> T call(String method, Type type, Object body, Query query, String idempotencyKey, String... segments) {
        Request request = newRequest(method, body, query, idempotencyKey, segments).header("Accept", "application/json")
                .build();
        return execute(request, response -> decode(type, response));
    }

    private Request.Builder newRequest(String method, Object body, Query query, String idempotencyKey,
                                       String... segments) {
        HttpUrl.Builder url = settings.baseUrl().newBuilder()
                .addPathSegment("api")
                .addPathSegment(Long.toString(settings.clientId()));
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        if (query != null) {
            query.values().forEach(url::addQueryParameter);
        }
        RequestBody requestBody = null;
        if (body != null) {
            requestBody = RequestBody.create(settings.moshi().adapter(Object.class).toJson(body), JSON);
        }
        Request.Builder builder = new Request.Builder()
                .url(url.build())
                .method(method, requestBody)
                .header("X-API-Key", settings.apiKey())
                .header("User-Agent", settings.userAgent());
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder;
    }

    private interface BodyHandler<T> {
        T handle(Response response) throws IOException;
    }

    private <T> T execute(Request request, BodyHandler<T> onSuccess) {
        int attempt = 0;
        while (true) {
            long started = System.nanoTime();
            Duration wait;
            JumbeException failure;
            try (Response response = settings.http().newCall(request).execute()) {
                log(request, response.code(), started, response.header("X-Request-Id"), attempt);
                if (response.isSuccessful()) {
                    try {
                        return onSuccess.handle(response);
                    } catch (IOException e) {
                        throw new ConnectionException("reading the answer to " + request.method() + " "
                                + request.url().encodedPath() + " failed", e);
                    }
                }
                ApiProblem problem = readProblem(response);
                failure = ProblemMapper.toException(problem);
                wait = retryWait(problem, attempt);
            } catch (IOException e) {
                log(request, 0, started, null, attempt);
                failure = new ConnectionException(request.method() + " " + request.url().encodedPath()
                        + " failed: " + e.getMessage() + (attempt > 0 ? " (attempt " + (attempt + 1) + ")" : ""), e);
                wait = attempt < settings.maxRetries() ? backoff(attempt) : null;
            }
            if (wait == null) {
                throw failure;
            }
            sleep(wait);
            attempt++;
        }
    }

    /** The wait before the next attempt after a non-2xx answer, or {@code null} to give up. */
    private Duration retryWait(ApiProblem problem, int attempt) {
        if (attempt >= settings.maxRetries()) {
            return null;
        }
        int status = problem.status();
        // a 409 is worth retrying only while the same idempotency key is still running; another conflict (a
        // message that can no longer be cancelled) answers the same however often it is asked
        boolean conflictInProgress = status == 409
                && (problem.code() == null || "idempotency_in_progress".equals(problem.code()));
        boolean retryable = conflictInProgress || status == 429 || status >= 500;
        if (!retryable) {
            return null;
        }
        Duration retryAfter = problem.retryAfter();
        if (retryAfter != null) {
            return retryAfter.compareTo(settings.maxRetryAfter()) <= 0 ? retryAfter : null;
        }
        return backoff(attempt);
    }

    private Duration backoff(int attempt) {
        long initial = settings.initialRetryDelay().toMillis();
        long cap = settings.maxRetryDelay().toMillis();
        long exponential = Math.min(cap, initial << Math.min(attempt, 20));
        // jitter: between half and all of the exponential delay, so clients that failed together spread out
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private ApiProblem readProblem(Response response) {
        String headerRequestId = response.header("X-Request-Id");
        Duration retryAfter = parseRetryAfter(response.header("Retry-After"));
        String text;
        try {
            text = response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            text = "";
        }
        ProblemBody parsed = null;
        if (!text.isBlank() && text.trim().startsWith("{")) {
            try {
                parsed = settings.moshi().adapter(ProblemBody.class).lenient().fromJson(text);
            } catch (IOException | JsonDataException e) {
                parsed = null;
            }
        }
        if (parsed == null) {
            String detail = text.isBlank() ? response.message() : text.strip();
            if (detail != null && detail.length() > 500) {
                detail = detail.substring(0, 500);
            }
            return new ApiProblem(response.code(), null, null, detail == null || detail.isBlank() ? null : detail,
                    null, List.of(), headerRequestId, retryAfter);
        }
        List<FieldError> fields = parsed.errors() == null ? List.of() : parsed.errors();
        // the header is the server's own record; the body's copy helps when a proxy drops response headers
        String requestId = headerRequestId != null ? headerRequestId : parsed.requestId();
        return new ApiProblem(response.code(), parsed.type(), parsed.title(), parsed.detail(), parsed.code(),
                fields, requestId, retryAfter);
    }

    /**
     * The JSON shape of an RFC 9457 problem as the API writes it.
     *
     * @param type      problem type URI
     * @param title     short summary
     * @param status    HTTP status
     * @param detail    explanation of this occurrence
     * @param code      stable machine code
     * @param instance  the request path the problem is about
     * @param requestId the request id, the same as the {@code X-Request-Id} header
     * @param errors    offending fields
     */
    public record ProblemBody(String type, String title, Integer status, String detail, String code, String instance,
                              @com.squareup.moshi.Json(name = "request_id") String requestId,
                              List<FieldError> errors) {
    }

    private Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(settings.clock().instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private <T> T decode(Type type, Response response) throws IOException {
        if (type == Void.class || type == void.class) {
            return null;
        }
        String text = response.body().string();
        if (text.isBlank()) {
            return null;
        }
        JsonAdapter<T> adapter = settings.moshi().adapter(type);
        try {
            return adapter.fromJson(text);
        } catch (JsonDataException | JsonEncodingException e) {
            throw new UnexpectedResponseException("unexpected answer from " + response.request().url().encodedPath()
                    + ": " + e.getMessage(), e);
        }
    }

    private void log(Request request, int status, long startedNanos, String requestId, int attempt) {
        if (!settings.logging() || !logger.isLoggable(Level.INFO)) {
            return;
        }
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        // the path and status only: never headers, so the API key cannot leak into logs
        logger.info(String.format("%s %s -> %s (%d ms, attempt %d%s)", request.method(), request.url().encodedPath(),
                status == 0 ? "connection failed" : Integer.toString(status), millis, attempt + 1,
                requestId == null ? "" : ", request id " + requestId));
    }
}
