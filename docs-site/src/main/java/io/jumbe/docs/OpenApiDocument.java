package io.jumbe.docs;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document read as a tree, with local {@code $ref}s resolved on demand. Decimals keep their
 * written scale so that money examples print as {@code 1049.00}.
 */
public final class OpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withSeparators(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private final JsonNode root;
    private final ObjectMapper json;

    private OpenApiDocument(JsonNode root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    /** Reads {@code openapi.yaml}. */
    public static OpenApiDocument read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return new OpenApiDocument(yaml.readTree(file.toFile()), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation of the document. */
    public record Operation(String method, String path, String operationId, String tag, JsonNode node) {
        /** The summary line. */
        public String summary() {
            return node.path("summary").asText("");
        }
    }

    /** One outgoing webhook of the document's {@code webhooks} section. */
    public record Webhook(String event, JsonNode node) {
    }

    /** The document's tree. */
    public JsonNode root() {
        return root;
    }

    /** Every operation under {@code paths}, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    JsonNode node = op.getValue();
                    operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            node.path("operationId").asText(), node.path("tags").path(0).asText("Other"), node));
                }
            }
        }
        return operations;
    }

    /** Every entry of the {@code webhooks} section. */
    public List<Webhook> webhooks() {
        List<Webhook> webhooks = new ArrayList<>();
        root.path("webhooks").fields().forEachRemaining(e -> webhooks.add(new Webhook(e.getKey(), e.getValue().path("post"))));
        return webhooks;
    }

    /** The tag names in document order. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        return tags;
    }

    /** Follows a local {@code $ref} (repeatedly), or returns the node itself. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("dangling reference " + ref);
            }
        }
        return current;
    }

    /** Pretty JSON of an example value. */
    public String toJson(JsonNode value) {
        try {
            return json.writer(PRETTY).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
