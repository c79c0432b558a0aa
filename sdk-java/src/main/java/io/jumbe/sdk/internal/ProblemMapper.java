package io.jumbe.sdk.internal;

import io.jumbe.sdk.errors.ApiProblem;
import io.jumbe.sdk.errors.AuthenticationException;
import io.jumbe.sdk.errors.IdempotencyConflictException;
import io.jumbe.sdk.errors.InsufficientBalanceException;
import io.jumbe.sdk.errors.JumbeException;
import io.jumbe.sdk.errors.NotFoundException;
import io.jumbe.sdk.errors.PermissionException;
import io.jumbe.sdk.errors.RateLimitedException;
import io.jumbe.sdk.errors.ServerException;
import io.jumbe.sdk.errors.ValidationException;

/**
 * Chooses the exception for a problem answer: by its {@code code} first, by its HTTP status second.
 */
public final class ProblemMapper {
    private ProblemMapper() {
    }

    /**
     * Maps a problem to the exception the caller sees.
     *
     * @param problem the parsed problem
     * @return the exception to throw
     */
    public static JumbeException toException(ApiProblem problem) {
        String code = problem.code();
        if (code != null) {
            switch (code) {
                case "unauthorized", "invalid_api_key":
                    return new AuthenticationException(problem);
                case "forbidden", "account_suspended":
                    return new PermissionException(problem);
                case "not_found":
                    return new NotFoundException(problem);
                case "validation_failed", "invalid_recipient", "sender_not_allowed", "webhook_url_not_allowed",
                     "payload_too_large", "invalid_request", "bad_request":
                    return new ValidationException(problem);
                case "insufficient_balance":
                    return new InsufficientBalanceException(problem);
                case "rate_limited":
                    return new RateLimitedException(problem);
                case "idempotency_conflict", "idempotency_in_progress":
                    return new IdempotencyConflictException(problem);
                case "payment_provider_error", "internal_error", "service_unavailable", "upstream_error":
                    return new ServerException(problem);
                case "not_cancellable", "webhooks_disabled", "method_not_allowed", "unsupported_media_type",
                     "request_timeout":
                    // a state or protocol conflict with no subclass of its own: the code tells the caller which
                    return new JumbeException(problem);
                default:
                    break;
            }
        }
        int status = problem.status();
        if (status == 401) {
            return new AuthenticationException(problem);
        } else if (status == 403) {
            return new PermissionException(problem);
        } else if (status == 404) {
            return new NotFoundException(problem);
        } else if (status == 400 || status == 413 || status == 422) {
            return new ValidationException(problem);
        } else if (status == 402) {
            return new InsufficientBalanceException(problem);
        } else if (status == 409) {
            return new IdempotencyConflictException(problem);
        } else if (status == 429) {
            return new RateLimitedException(problem);
        } else if (status >= 500) {
            return new ServerException(problem);
        }
        return new JumbeException(problem);
    }
}
