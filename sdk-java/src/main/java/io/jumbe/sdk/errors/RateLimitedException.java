package io.jumbe.sdk.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests for the account's tier (HTTP 429, code {@code rate_limited}), still so after the SDK's retries.
 */
public class RateLimitedException extends JumbeException {
    private static final long serialVersionUID = 1L;

    /** The Retry-After wait, or null. */
    private final Duration retryAfter;

    /**
     * Creates the exception from the API's answer.
     *
     * @param problem the parsed problem and response metadata, including {@code Retry-After}
     */
    public RateLimitedException(ApiProblem problem) {
        super(problem);
        this.retryAfter = problem.retryAfter();
    }

    /**
     * How long the server asked the caller to wait, from the {@code Retry-After} header.
     *
     * @return the wait, or empty when the server did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
