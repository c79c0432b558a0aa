package io.jumbe.sdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.jumbe.sdk.Sleeper;
import io.jumbe.sdk.errors.ConnectionException;
import io.jumbe.sdk.errors.UnexpectedResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The SDK's HTTP stack: one {@link Retrofit} over one {@link OkHttpClient}, whose endpoints each feature declares
 * as a package-private Retrofit interface ({@code SmsApi}, {@code WalletApi}, …), JSON by the SDK's {@link Moshi}
 * ({@link MoshiConverters}), retries in {@link RetryInterceptor} only. This class runs a call and turns what went
 * wrong into the SDK's exceptions: a problem answer by {@link ProblemMapper}, a failed connection as
 * {@link ConnectionException}, an answer that does not decode as {@link UnexpectedResponseException}. No Retrofit
 * type reaches the public API.
 */
public final class ApiCalls {
    private final Retrofit retrofit;
    private final Problems problems;
    private final Sleeper sleeper;

    /**
     * Everything the HTTP stack needs, fixed at client build time.
     *
     * @param http              the OkHttp client to derive from, with its own retries turned off
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
     * Builds the stack: the identity headers and the retry loop go first among the OkHttp client's application
     * interceptors, so a caller's own interceptors still see every attempt, as separate requests.
     *
     * @param settings its fixed settings
     */
    public ApiCalls(Settings settings) {
        this.problems = new Problems(settings.moshi(), settings.clock());
        this.sleeper = settings.sleeper();
        OkHttpClient.Builder http = settings.http().newBuilder().retryOnConnectionFailure(false);
        http.interceptors().add(0, chain -> {
            Request request = chain.request();
            Request.Builder withIdentity = request.newBuilder()
                    .header("X-API-Key", settings.apiKey())
                    .header("User-Agent", settings.userAgent());
            if (request.header("Accept") == null) {
                withIdentity.header("Accept", "application/json");
            }
            return chain.proceed(withIdentity.build());
        });
        http.interceptors().add(1, new RetryInterceptor(settings, problems));
        // every endpoint path is relative to /api/{client_id}/, after any path prefix of the base URL
        HttpUrl apiRoot = settings.baseUrl().newBuilder().addPathSegment("api")
                .addPathSegment(Long.toString(settings.clientId())).addPathSegment("").build();
        // eager: a mistake in a feature's interface fails when the client is built, not at that endpoint's first call
        this.retrofit = new Retrofit.Builder().baseUrl(apiRoot).client(http.build())
                .addConverterFactory(new MoshiConverters(settings.moshi())).validateEagerly(true).build();
    }

    /**
     * The implementation of a feature's Retrofit interface.
     *
     * @param <S> the interface
     * @param api the interface's class
     * @return its implementation over this stack
     */
    public <S> S create(Class<S> api) {
        return retrofit.create(api);
    }

    /**
     * Runs a call and returns its decoded answer.
     *
     * @param <T>  the answer's type
     * @param call the call, not yet run
     * @return the answer, or {@code null} for an empty body
     * @throws io.jumbe.sdk.errors.JumbeException the problem's exception, or a connection or decoding failure
     */
    public <T> T execute(Call<T> call) {
        return run(call).body();
    }

    /**
     * Runs a {@code @Streaming} call and copies its body to a stream as it arrives, never holding all of it.
     * Retries happen only before the first byte is written.
     *
     * @param call the call, not yet run
     * @param out  where the body goes; not closed
     * @return the number of bytes written
     * @throws io.jumbe.sdk.errors.JumbeException the problem's exception, or a connection failure
     */
    public long download(Call<ResponseBody> call, OutputStream out) {
        long written = 0;
        try (ResponseBody body = run(call).body(); InputStream in = body.byteStream()) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                written += n;
            }
        } catch (IOException e) {
            throw new ConnectionException("download of " + call.request().url().encodedPath() + " failed after "
                    + written + " bytes", e);
        }
        return written;
    }

    private <T> Response<T> run(Call<T> call) {
        Request request = call.request();
        Response<T> response;
        try {
            response = call.execute();
        } catch (JsonDataException | JsonEncodingException e) {
            throw new UnexpectedResponseException("unexpected answer from " + request.url().encodedPath() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectionException(request.method() + " " + request.url().encodedPath() + " failed: "
                    + e.getMessage(), e);
        }
        if (response.isSuccessful()) {
            return response;
        }
        String text;
        // Retrofit has already read the error body into memory; the retry loop peeked at most 64 KiB of it
        try (ResponseBody error = response.errorBody()) {
            text = error == null ? "" : error.string();
        } catch (IOException e) {
            text = "";
        }
        throw ProblemMapper.toException(problems.read(response.raw(), text));
    }

    /**
     * Waits with the configured sleeper; used by polling helpers.
     *
     * @param duration how long
     * @throws ConnectionException when the thread is interrupted
     */
    public void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting", e);
        }
    }

    /**
     * The idempotency key of one logical call: the caller's, or a new one. Chosen once, before the call is built,
     * so that {@link RetryInterceptor} sends it unchanged on every attempt.
     *
     * @param callersKey the caller's key, or {@code null}
     * @return the key to send
     */
    public static String idempotencyKey(String callersKey) {
        return callersKey != null ? callersKey : UUID.randomUUID().toString();
    }

    /**
     * Percent-encodes an id for an {@code encoded = true} path parameter. Retrofit's own path encoding leaves
     * {@code /} alone, which would let an id such as {@code a/b} reach another endpoint.
     *
     * @param id the id as the caller gave it
     * @return the id as one encoded path segment
     */
    public static String pathSegment(String id) {
        return new HttpUrl.Builder().scheme("http").host("localhost").addPathSegment(id).build()
                .encodedPathSegments().get(0);
    }
}
