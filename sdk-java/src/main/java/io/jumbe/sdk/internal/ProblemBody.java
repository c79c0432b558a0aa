package io.jumbe.sdk.internal;

import com.squareup.moshi.Json;
import io.jumbe.sdk.errors.FieldError;
import java.util.List;

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
                          @Json(name = "request_id") String requestId, List<FieldError> errors) {
}
