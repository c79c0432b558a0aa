package io.jumbe.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations {@code openapi.yaml} marks {@code deprecated: true}, and those whose success answer holds a schema
 * property marked {@code deprecated: true}, with the dates the policy needs: each deprecated operation or property
 * names {@code x-deprecated-since} and {@code x-sunset} (ISO dates, the sunset at least {@link #MINIMUM_NOTICE_DAYS}
 * days later). The generator writes them to {@value #FILE} in the site, and the server answers those operations with
 * {@code Deprecation} (RFC 9745) and {@code Sunset} (RFC 8594) headers.
 */
public final class Deprecations {
    /** The site file that carries them, read by the server. */
    public static final String FILE = "deprecations.json";
    /** The least notice between deprecation and removal, in days (the deprecation policy page). */
    public static final int MINIMUM_NOTICE_DAYS = 90;

    /** The {@code Link} header: where the changelog says what replaces what is deprecated. */
    public static final String LINK = "</docs/changelog.html>; rel=\"deprecation\"; type=\"text/html\"";

    /**
     * One deprecated operation, or one whose success answer holds deprecated fields.
     *
     * @param method          upper-case HTTP method
     * @param path            the document's path template, e.g. {@code /api/{client_id}/client/balance}
     * @param deprecatedSince when it (or its earliest deprecated field) was deprecated
     * @param sunset          the first day it (or the first of its deprecated fields) may be gone
     * @param fields          the deprecated fields of its success answer, as paths into it ({@code id},
     *                        {@code data[].id}); empty when the operation itself is deprecated
     */
    public record Operation(String method, String path, LocalDate deprecatedSince, LocalDate sunset,
                            List<String> fields) {
        public Operation {
            fields = List.copyOf(fields);
        }

        /** A deprecated operation. */
        public Operation(String method, String path, LocalDate deprecatedSince, LocalDate sunset) {
            this(method, path, deprecatedSince, sunset, List.of());
        }

        /**
         * The {@code Link} header value: the changelog, and (RFC 8288's {@code title}) which fields of the answer are
         * deprecated when it is they, not the operation.
         */
        public String linkHeader() {
            return fields.isEmpty() ? LINK
                    : LINK + "; title=\"deprecated field" + (fields.size() == 1 ? "" : "s") + ": "
                            + String.join(", ", fields) + "\"";
        }

        /** The {@code Deprecation} header value: an RFC 9745 structured date, {@code @} and Unix seconds. */
        public String deprecationHeader() {
            return "@" + deprecatedSince.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }

        /** The {@code Sunset} header value: an RFC 8594 HTTP-date. */
        public String sunsetHeader() {
            return IMF_FIXDATE.format(sunset.atStartOfDay(ZoneOffset.UTC));
        }

        /** The path with its parameters blanked, {@code /api/{}/client/balance}, to match a router's template. */
        public String shape() {
            return PATH_PARAMETER.matcher(path).replaceAll("{}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern PATH_PARAMETER = java.util.regex.Pattern.compile("\\{[^}]*}");
    private static final java.util.regex.Pattern ROUTE_PARAMETER = java.util.regex.Pattern.compile("\\{[^}]*}|<[^>]*>");
    // RFC 9110's IMF-fixdate: a two-digit day, unlike RFC_1123_DATE_TIME
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);
    private final List<Operation> operations;
    /**
     * {@link #find} by method and route template: asked on every request, and the templates are the router's
     * (a few hundred at most), so each is matched against the operations once.
     */
    private final Map<String, java.util.Optional<Operation>> byRoute = new java.util.concurrent.ConcurrentHashMap<>();

    public Deprecations(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /**
     * The deprecated operations of a document, and the operations whose 2xx answer holds a deprecated property
     * (directly, through {@code $ref}, arrays or a list's {@code data}).
     *
     * @throws IllegalStateException when a deprecated operation or property lacks its dates or gives less than the
     *                               policy's notice
     */
    public static Deprecations of(OpenApiDocument document) {
        // every deprecated property anywhere (request bodies and webhooks too) must follow the policy
        checkProperties(document.root(), "#");
        List<Operation> found = new ArrayList<>();
        for (OpenApiDocument.Operation op : document.operations()) {
            String where = op.method() + " " + op.path();
            String method = op.method().toUpperCase(java.util.Locale.ROOT);
            if (op.node().path("deprecated").asBoolean(false)) {
                Dates dates = dates(op.node(), where);
                found.add(new Operation(method, op.path(), dates.since(), dates.sunset()));
                continue;
            }
            Map<String, Dates> fields = new TreeMap<>();
            for (JsonNode response : successResponses(op.node())) {
                for (JsonNode media : iterable(document.resolve(response).path("content"))) {
                    deprecatedFields(document, media.path("schema"), "", new HashSet<>(), fields);
                }
            }
            if (!fields.isEmpty()) {
                // one header pair per answer: the earliest date of each, the first removal the client will feel
                LocalDate since = fields.values().stream().map(Dates::since).min(LocalDate::compareTo).orElseThrow();
                LocalDate sunset = fields.values().stream().map(Dates::sunset).min(LocalDate::compareTo).orElseThrow();
                found.add(new Operation(method, op.path(), since, sunset, List.copyOf(fields.keySet())));
            }
        }
        return new Deprecations(found);
    }

    private record Dates(LocalDate since, LocalDate sunset) {
    }

    private static Dates dates(JsonNode node, String where) {
        LocalDate since = date(node, "x-deprecated-since", where);
        LocalDate sunset = date(node, "x-sunset", where);
        if (sunset.isBefore(since.plusDays(MINIMUM_NOTICE_DAYS))) {
            throw new IllegalStateException(where + ": x-sunset " + sunset + " is less than "
                    + MINIMUM_NOTICE_DAYS + " days after x-deprecated-since " + since);
        }
        return new Dates(since, sunset);
    }

    private static void checkProperties(JsonNode node, String pointer) {
        if (node.isObject()) {
            JsonNode properties = node.path("properties");
            if (properties.isObject()) {
                properties.fields().forEachRemaining(p -> {
                    if (p.getValue().path("deprecated").asBoolean(false)) {
                        dates(p.getValue(), "property " + pointer + "/properties/" + p.getKey());
                    }
                });
            }
            node.fields().forEachRemaining(e -> checkProperties(e.getValue(), pointer + "/" + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkProperties(node.get(i), pointer + "/" + i);
            }
        }
    }

    private static List<JsonNode> successResponses(JsonNode operation) {
        List<JsonNode> responses = new ArrayList<>();
        operation.path("responses").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("2")) {
                responses.add(e.getValue());
            }
        });
        return responses;
    }

    /** Collects the deprecated properties of a schema by their path in the answer ({@code data[].id}). */
    private static void deprecatedFields(OpenApiDocument document, JsonNode schema, String at,
                                         Set<String> refsOnTheWay, Map<String, Dates> found) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!refsOnTheWay.add(ref)) {
                return; // a recursive schema: its fields were met already
            }
            deprecatedFields(document, document.resolve(schema), at, refsOnTheWay, found);
            refsOnTheWay.remove(ref);
            return;
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            String field = at.isEmpty() ? p.getKey() : at + "." + p.getKey();
            if (p.getValue().path("deprecated").asBoolean(false)) {
                found.put(field, dates(p.getValue(), "property " + field));
            }
            deprecatedFields(document, p.getValue(), field, refsOnTheWay, found);
        });
        deprecatedFields(document, schema.path("items"), at + "[]", refsOnTheWay, found);
        deprecatedFields(document, schema.path("additionalProperties"), at + "{}", refsOnTheWay, found);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : iterable(schema.path(combinator))) {
                deprecatedFields(document, part, at, refsOnTheWay, found);
            }
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        node.elements().forEachRemaining(values::add);
        return values;
    }

    private static LocalDate date(JsonNode operation, String field, String where) {
        String text = operation.path(field).asText("");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(where + " is deprecated: it needs " + field + " (an ISO date), not '"
                    + text + "'");
        }
    }

    /** Reads what {@link #toJson()} wrote. */
    public static Deprecations parse(byte[] json) {
        try {
            List<Operation> read = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                List<String> fields = new ArrayList<>();
                node.path("fields").forEach(f -> fields.add(f.asText()));
                read.add(new Operation(node.path("method").asText(), node.path("path").asText(),
                        LocalDate.parse(node.path("deprecated_since").asText()),
                        LocalDate.parse(node.path("sunset").asText()), fields));
            }
            return new Deprecations(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Operation op : operations) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("method", op.method());
            entry.put("path", op.path());
            entry.put("deprecated_since", op.deprecatedSince().toString());
            entry.put("sunset", op.sunset().toString());
            if (!op.fields().isEmpty()) {
                entry.put("fields", op.fields());
            }
            array.add(JSON.valueToTree(entry));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /**
     * The entry for a request's method and route template (any parameter syntax), if that operation is deprecated or
     * its success answer holds deprecated fields.
     */
    public java.util.Optional<Operation> find(String method, String routeTemplate) {
        return byRoute.computeIfAbsent(method + ' ' + routeTemplate, key -> {
            String shape = ROUTE_PARAMETER.matcher(routeTemplate).replaceAll("{}");
            return operations.stream().filter(op -> op.method().equalsIgnoreCase(method) && op.shape().equals(shape))
                    .findFirst();
        });
    }

    /** The deprecations in the docs-site jar ({@code jumbe-docs/deprecations.json}); none when it has no such file. */
    public static Deprecations in(DocsResources docs) {
        return docs.read(FILE).map(Deprecations::parse).orElseGet(() -> new Deprecations(List.of()));
    }
}
