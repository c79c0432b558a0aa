package io.jumbe.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jumbe.core.common.FieldError;
import io.jumbe.core.common.Json;
import io.jumbe.core.common.TextRules;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON object body field by field, collecting every problem so the client learns all of them at once.
 * A body that is JSON is read whatever the Content-Type says: the reseller's old docs show {@code curl -d '{…}'},
 * which sends a form content type. A real form or a multipart upload is 415 {@code unsupported_media_type}.
 */
public final class JsonBody {
    private static final int MAX_NUMBER_TEXT = 40;
    private final JsonNode root;
    private final Map<String, List<String>> streamed;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode root, Map<String, List<String>> streamed) {
        this.root = root;
        this.streamed = streamed;
    }

    private JsonBody(JsonNode root) {
        this(root, Map.of());
    }

    public static JsonBody of(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        requireJson(ctx, bytes);
        return parse(bytes);
    }

    private static void requireJson(Context ctx, byte[] bytes) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT).strip();
        boolean multipart = type.startsWith("multipart/");
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        if (multipart || form && bytes != null && bytes.length > 0 && !isJson(bytes)) {
            throw new HttpProblem(415, "unsupported_media_type", "The body must be JSON (Content-Type: "
                    + "application/json), not " + (multipart ? "a multipart upload." : "form fields."));
        }
    }

    private static boolean isJson(byte[] bytes) {
        try {
            Json.mapper().readTree(bytes);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Like {@link #of}, but the top-level arrays named in {@code stringArrays} are read token by token straight into
     * lists of strings, never as a tree of nodes: a 10,000-recipient bulk costs its strings and nothing more.
     * Elements that are not strings or numbers are reported as {@code field[i]} errors.
     */
    public static JsonBody of(Context ctx, Set<String> stringArrays) {
        byte[] bytes = ctx.bodyAsBytes();
        requireJson(ctx, bytes);
        return parse(bytes, stringArrays);
    }

    /** @see #of(Context, Set) */
    public static JsonBody parse(byte[] bytes, Set<String> stringArrays) {
        if (bytes == null || bytes.length == 0) {
            throw HttpProblem.validation(List.of(new FieldError("body", "a JSON object is required")));
        }
        ObjectNode root = Json.mapper().createObjectNode();
        Map<String, List<String>> lists = new HashMap<>();
        List<FieldError> elementErrors = new ArrayList<>();
        try (JsonParser p = Json.mapper().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw HttpProblem.validation(List.of(new FieldError("body", "must be a JSON object")));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (stringArrays.contains(field) && value == JsonToken.START_ARRAY) {
                    root.remove(field);
                    lists.put(field, readStrings(p, field, elementErrors));
                } else {
                    lists.remove(field);
                    root.set(field, p.readValueAsTree());
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw HttpProblem.validation(List.of(new FieldError("body", "is not valid JSON")));
            }
        } catch (HttpProblem e) {
            throw e;
        } catch (Exception e) {
            throw HttpProblem.validation(List.of(new FieldError("body", "is not valid JSON")));
        }
        JsonBody body = new JsonBody(root, lists);
        body.errors.addAll(elementErrors);
        return body;
    }

    private static List<String> readStrings(JsonParser p, String field, List<FieldError> errors) throws IOException {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            if (t == null) {
                throw new IOException("unexpected end of input");
            }
            if (t == JsonToken.VALUE_STRING || t.isNumeric()) {
                out.add(p.getText());
            } else {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
                p.skipChildren();
            }
        }
        return out;
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
        return streamed.containsKey(field) || root.hasNonNull(field);
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
        // a numeric string is parsed only when short: BigDecimal's parse is superlinear in the digits given
        if (n.isTextual() && n.asText().trim().length() <= MAX_NUMBER_TEXT) {
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
        List<String> read = streamed.get(field);
        if (read != null) {
            // streamed lists (a bulk's recipients) keep the rule every string field keeps
            List<String> clean = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                controlFree(field + "[" + i + "]", read.get(i)).ifPresent(clean::add);
            }
            return Optional.of(clean);
        }
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
