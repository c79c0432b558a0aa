package io.jumbe.sdk.internal;

import io.jumbe.sdk.errors.ApiProblem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The SDK's one retry layer, an OkHttp application interceptor under every Retrofit call: connection failures,
 * 409 while the same idempotency key is still running, 429 (waiting as {@code Retry-After} says) and 5xx, with
 * exponential backoff and jitter, at most {@code maxRetries} times after the first attempt.
 *
 * <p>Retrofit builds the request, with its {@code Idempotency-Key} header, once, before {@link #intercept} runs,
 * and this loop sends that same request on every attempt, so a retry after a lost answer gets the first attempt's
 * answer instead of doing the change again. There is no second loop: OkHttp's {@code retryOnConnectionFailure} is
 * off and Retrofit itself never retries. An interceptor rather than a Retrofit {@code CallAdapter} because it
 * sees the raw answer before any conversion: a retried answer is never decoded, and a streamed CSV download is
 * retried only before its first byte reaches the caller. The last answer, retried or not, goes back to Retrofit,
 * where {@link ApiCalls} maps a problem to the SDK's exceptions.
 */
final class RetryInterceptor implements Interceptor {
    private final Logger logger = Logger.getLogger("io.jumbe.sdk");
    private final ApiCalls.Settings settings;
    private final Problems problems;

    RetryInterceptor(ApiCalls.Settings settings, Problems problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int attempt = 0; ; attempt++) {
            long started = System.nanoTime();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                log(request, 0, started, null, attempt);
                if (attempt >= settings.maxRetries()) {
                    throw attempt == 0 ? e : new IOException(e.getMessage() + " (attempt " + (attempt + 1) + ")", e);
                }
                sleep(backoff(attempt));
                continue;
            }
            log(request, response.code(), started, response.header("X-Request-Id"), attempt);
            Duration wait = response.isSuccessful() ? null : retryWait(response, attempt);
            if (wait == null) {
                return response;
            }
            response.close();
            sleep(wait);
        }
    }

    /** The wait before the next attempt after a non-2xx answer, or {@code null} to give up. */
    private Duration retryWait(Response response, int attempt) {
        if (attempt >= settings.maxRetries()) {
            return null;
        }
        int status = response.code();
        if (status != 409 && status != 429 && status < 500) {
            return null;
        }
        ApiProblem problem = problems.peek(response);
        // a 409 is worth retrying only while the same idempotency key is still running; another conflict (a
        // message that can no longer be cancelled) answers the same however often it is asked
        if (status == 409 && problem.code() != null && !"idempotency_in_progress".equals(problem.code())) {
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

    private void sleep(Duration wait) throws InterruptedIOException {
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            interrupted.initCause(e);
            throw interrupted;
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
