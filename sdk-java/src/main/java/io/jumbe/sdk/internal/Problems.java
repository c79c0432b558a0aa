package io.jumbe.sdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.jumbe.sdk.errors.ApiProblem;
import io.jumbe.sdk.errors.FieldError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import okhttp3.Response;

/** Reads a non-2xx answer into an {@link ApiProblem}: for the retry decision and for the exception thrown. */
final class Problems {
    /** The most of an error body that is read; a problem is a few hundred bytes, a proxy's error page may not be. */
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final Moshi moshi;
    private final Clock clock;

    Problems(Moshi moshi, Clock clock) {
        this.moshi = moshi;
        this.clock = clock;
    }

    /** The problem in an answer whose body is still unread; the body stays readable. */
    ApiProblem peek(Response response) {
        String text;
        try {
            text = response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            text = "";
        }
        return read(response, text);
    }

    /**
     * The problem in an answer.
     *
     * @param response the answer's status line and headers (its body is not read)
     * @param text     the answer's body
     */
    ApiProblem read(Response response, String text) {
        String headerRequestId = response.header("X-Request-Id");
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        ProblemBody parsed = null;
        if (!text.isBlank() && text.trim().startsWith("{")) {
            try {
                parsed = moshi.adapter(ProblemBody.class).lenient().fromJson(text);
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

    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
