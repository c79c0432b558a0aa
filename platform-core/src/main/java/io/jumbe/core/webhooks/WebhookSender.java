package io.jumbe.core.webhooks;

import io.jumbe.core.common.OutboundHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one delivery attempt to a tenant's receiver and reports what happened; it never retries (the delivery
 * job owns the schedule, {@link RetrySchedule}) except to resend at once, on a new connection, an attempt that failed
 * on a kept-alive connection the receiver had closed ({@link OutboundHttp}), and never follows redirects.
 *
 * <p>Headers: {@code webhook-id}, {@code webhook-timestamp} (the attempt's own time, so receivers' replay windows
 * hold on retries), {@code webhook-signature}, {@code X-Webhook-Event}, {@code X-Webhook-Signature} (same value as
 * {@code webhook-signature}), {@code Content-Type: application/json} and {@code User-Agent: Jumbe-Webhooks/<version>}.
 *
 * <p>Isolation between tenants: {@link #send(WebhookMessage)} runs synchronously on the caller's thread, so OkHttp's
 * {@code Dispatcher} limits do not apply and no receiver can queue behind another inside OkHttp; the connection
 * pool only keeps idle connections and never limits concurrency. Each attempt is bounded by the call timeout, so a
 * hanging receiver holds one caller thread for at most that long. Run attempts on a bounded executor (for instance
 * 16–64 threads) and let each tenant have at most a few attempts in flight (for instance claim at most one or two
 * due deliveries per tenant per batch, or a per-tenant {@link java.util.concurrent.Semaphore}), keeping the pool
 * larger than that per-tenant limit: then one slow tenant can occupy only its own share of the threads.
 *
 * <p>Thread-safe; build one and share it. {@link #close()} releases its idle connections and threads.
 */
public final class WebhookSender implements AutoCloseable {

    /** {@code WEBHOOK_TIMEOUT} default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    static final String BLOCKED_PREFIX = "blocked by SSRF guard: ";
    private static final MediaType JSON = MediaType.get("application/json");

    private final WebhookUrlGuard guard;
    private final Duration timeout;
    private final String userAgent;
    private final Clock clock;
    private final OkHttpClient client;

    /**
     * @param guard   the SSRF guard; its {@link WebhookUrlGuard#dns()} resolves every connection
     * @param timeout the whole-attempt limit ({@code WEBHOOK_TIMEOUT}): connect, send, and response headers and body
     * @param version the platform version for the {@code User-Agent}
     */
    public WebhookSender(WebhookUrlGuard guard, Duration timeout, String version) {
        this(guard, timeout, version, Clock.systemUTC());
    }

    /**
     * @param guard   the SSRF guard; its {@link WebhookUrlGuard#dns()} resolves every connection
     * @param timeout the whole-attempt limit ({@code WEBHOOK_TIMEOUT})
     * @param version the platform version for the {@code User-Agent}
     * @param clock   source of {@code webhook-timestamp} and {@link AttemptResult#attemptedAt()}
     */
    public WebhookSender(WebhookUrlGuard guard, Duration timeout, String version, Clock clock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhook timeout must be positive");
        }
        this.guard = guard;
        this.timeout = timeout;
        this.userAgent = "Jumbe-Webhooks/" + version;
        this.clock = clock;
        // Receivers dedupe by webhook-id, so a send that failed on a kept-alive connection the receiver had closed
        // is resent at once on a new one (OutboundHttp); the resend resolves through the same guarded Dns.
        this.client = OutboundHttp.builder(OutboundHttp.Resend.ANY_REQUEST, 64)
                .dns(guard.dns())
                // A system-wide proxy would resolve the tenant's host itself, out of the guard's sight.
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                // The delivery job is the only retry loop for failures the receiver may have seen.
                .retryOnConnectionFailure(false)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    /** @return the {@code User-Agent} sent, {@code Jumbe-Webhooks/<version>} */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Makes one attempt. Never throws for receiver or network trouble: everything lands in the result.
     *
     * @param message what to send
     * @return the outcome, for the delivery log and the retry decision
     */
    public AttemptResult send(WebhookMessage message) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        UrlVerdict verdict = guard.checkWithoutResolving(message.url());
        if (!verdict.allowed()) {
            return AttemptResult.failed(attemptedAt, 0, BLOCKED_PREFIX + verdict.detail());
        }
        byte[] body = message.body();
        long timestamp = attemptedAt.getEpochSecond();
        String signature = WebhookSigner.sign(message.secrets(), message.webhookId(), timestamp, body);
        Request request = new Request.Builder()
                .url(message.url())
                .header("webhook-id", message.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .header("X-Webhook-Event", message.eventType())
                .header("X-Webhook-Signature", signature)
                .header("User-Agent", userAgent)
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            long latency = elapsedMillis(started);
            String note = null;
            if (response.isRedirect()) {
                String location = response.header("Location");
                note = "redirect not followed" + (location == null ? "" : " (Location: " + location + ")");
            }
            String kept;
            try (InputStream stream = response.body().byteStream()) {
                kept = new String(stream.readNBytes(AttemptResult.MAX_RESPONSE_BODY_BYTES), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                kept = "";
                note = (note == null ? "" : note + "; ") + "response body not read: " + describe(unreadable);
            }
            return AttemptResult.answered(attemptedAt, response.code(), latency, note, kept);
        } catch (IOException failure) {
            return AttemptResult.failed(attemptedAt, elapsedMillis(started), describe(failure));
        }
    }

    private String describe(IOException failure) {
        if (failure instanceof BlockedAddressException) {
            return BLOCKED_PREFIX + failure.getMessage();
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host: " + failure.getMessage();
        }
        if (failure instanceof SocketTimeoutException
                || failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage())) {
            return "timeout after " + text(timeout);
        }
        if (failure instanceof InterruptedIOException) {
            // The worker is being stopped; keep the interrupt visible to the pool that runs it.
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (failure instanceof ConnectException) {
            return mentionsRefused(failure) ? "connection refused" : "could not connect: " + failure.getMessage();
        }
        if (failure instanceof SSLException) {
            return "TLS error: " + failure.getMessage();
        }
        return "connection error: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }

    private static boolean mentionsRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Releases idle connections and OkHttp's threads. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
