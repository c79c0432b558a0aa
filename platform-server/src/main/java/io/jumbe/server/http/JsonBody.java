package io.jumbe.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.TextRules;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a JSON object body field by field, collecting every problem so the client learns all of them at once.
 * A body that is JSON is read whatever the Content-Type says: the reseller's old docs show {@code curl -d '{…}'},
 * which sends a form content type. A real form or a multipart upload is 415 {@code unsupported_media_type}.
 */
public final class JsonBody {
    private final JsonNode root;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody of(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT).strip();
        boolean multipart = type.startsWith("multipart/");
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        if (multipart || form && bytes != null && bytes.length > 0 && !isJson(bytes)) {
            throw new HttpProblem(415, "unsupported_media_type", "The body must be JSON (Content-Type: "
                    + "application/json), not " + (multipart ? "a multipart upload." : "form fields."));
        }
        return parse(bytes);
    }

    private static boolean isJson(byte[] bytes) {
        try {
            Json.mapper().readTree(bytes);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public static JsonBody parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw HttpProblem.validation(List.of(new FieldError("body", "a JSON object is required")));
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (Exception e) {
            throw HttpProblem.validation(List.of(new FieldError("body", "is not valid JSON")));
        }
        if (node == null || !node.isObject()) {
            throw HttpProblem.validation(List.of(new FieldError("body", "must be a JSON object")));
        }
        return new JsonBody(node);
    }

    public boolean has(String field) {
        return root.hasNonNull(field);
    }

    public Optional<String> text(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return Optional.empty();
        }
        return controlFree(field, n.asText());
    }

    /**
     * No string field of any request may carry C0 or C1 control characters other than tab, CR and LF (nor an unpaired
     * surrogate): they would reach admins' terminals, logs and exports. Fields with a stricter rule (one line, no
     * bidirectional controls) are checked by their core service; see {@link TextRules}.
     */
    private Optional<String> controlFree(String field, String value) {
        Optional<String> problem = TextRules.problem(value, TextRules.Kind.MESSAGE);
        if (problem.isPresent()) {
            errors.add(new FieldError(field, problem.get()));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public String requiredText(String field) {
        if (!has(field)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return text(field).orElse(null);
    }

    /** A number (or a numeric string, as some clients send amounts) read exactly, never through a double. */
    public Optional<BigDecimal> decimal(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            return Optional.of(n.decimalValue());
        }
        if (n.isTextual()) {
            try {
                return Optional.of(new BigDecimal(n.asText().trim()));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        errors.add(new FieldError(field, "must be a number"));
        return Optional.empty();
    }

    public BigDecimal requiredDecimal(String field) {
        if (!has(field)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return decimal(field).orElse(null);
    }

    public Optional<Boolean> bool(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(n.asBoolean());
    }

    public Optional<List<String>> textList(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings"));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual() && !item.isNumber()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
            } else {
                controlFree(field + "[" + i + "]", item.asText()).ifPresent(out::add);
            }
        }
        return Optional.of(out);
    }

    /** One of {@code allowed}; anything else is an error naming the allowed values. */
    public Optional<String> oneOf(String field, Collection<String> allowed) {
        Optional<String> value = text(field);
        if (value.isPresent() && !allowed.contains(value.get())) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            return Optional.empty();
        }
        return value;
    }

    public Optional<Instant> instant(String field) {
        Optional<String> value = text(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(value.get()));
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(field, "must be an ISO-8601 time such as 2025-10-09T14:35:00Z"));
                return Optional.empty();
            }
        }
    }

    public JsonNode node(String field) {
        return root.get(field);
    }

    public void addError(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 400 {@code validation_failed} listing every field error found so far. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw HttpProblem.validation(errors);
        }
    }
}
