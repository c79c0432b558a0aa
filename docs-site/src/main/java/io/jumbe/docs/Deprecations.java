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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations {@code openapi.yaml} marks {@code deprecated: true}, with the dates the policy needs: each names
 * {@code x-deprecated-since} and {@code x-sunset} (ISO dates, the sunset at least {@link #MINIMUM_NOTICE_DAYS} days
 * later). The generator writes them to {@value #FILE} in the site, and the server answers those operations with
 * {@code Deprecation} (RFC 9745) and {@code Sunset} (RFC 8594) headers.
 */
public final class Deprecations {
    /** The site file that carries them, read by the server. */
    public static final String FILE = "deprecations.json";
    /** The least notice between deprecation and removal, in days (the deprecation policy page). */
    public static final int MINIMUM_NOTICE_DAYS = 90;

    /**
     * One deprecated operation.
     *
     * @param method          upper-case HTTP method
     * @param path            the document's path template, e.g. {@code /api/{client_id}/client/balance}
     * @param deprecatedSince when it was deprecated
     * @param sunset          the first day it may be gone
     */
    public record Operation(String method, String path, LocalDate deprecatedSince, LocalDate sunset) {
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
            return path.replaceAll("\\{[^}]*}", "{}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // RFC 9110's IMF-fixdate: a two-digit day, unlike RFC_1123_DATE_TIME
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);
    private final List<Operation> operations;

    public Deprecations(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /**
     * The deprecated operations of a document.
     *
     * @throws IllegalStateException when one lacks its dates or gives less than the policy's notice
     */
    public static Deprecations of(OpenApiDocument document) {
        List<Operation> found = new ArrayList<>();
        for (OpenApiDocument.Operation op : document.operations()) {
            if (!op.node().path("deprecated").asBoolean(false)) {
                continue;
            }
            String where = op.method() + " " + op.path();
            LocalDate since = date(op.node(), "x-deprecated-since", where);
            LocalDate sunset = date(op.node(), "x-sunset", where);
            if (sunset.isBefore(since.plusDays(MINIMUM_NOTICE_DAYS))) {
                throw new IllegalStateException(where + ": x-sunset " + sunset + " is less than "
                        + MINIMUM_NOTICE_DAYS + " days after x-deprecated-since " + since);
            }
            found.add(new Operation(op.method().toUpperCase(java.util.Locale.ROOT), op.path(), since, sunset));
        }
        return new Deprecations(found);
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
                read.add(new Operation(node.path("method").asText(), node.path("path").asText(),
                        LocalDate.parse(node.path("deprecated_since").asText()),
                        LocalDate.parse(node.path("sunset").asText())));
            }
            return new Deprecations(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Operation op : operations) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("method", op.method());
            entry.put("path", op.path());
            entry.put("deprecated_since", op.deprecatedSince().toString());
            entry.put("sunset", op.sunset().toString());
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

    /** The entry for a request's method and route template (any parameter syntax), if that operation is deprecated. */
    public java.util.Optional<Operation> find(String method, String routeTemplate) {
        String shape = routeTemplate.replaceAll("\\{[^}]*}|<[^>]*>", "{}");
        return operations.stream().filter(op -> op.method().equalsIgnoreCase(method) && op.shape().equals(shape))
                .findFirst();
    }

    /** The deprecations in the docs-site jar ({@code jumbe-docs/deprecations.json}); none when it has no such file. */
    public static Deprecations in(DocsResources docs) {
        return docs.read(FILE).map(Deprecations::parse).orElseGet(() -> new Deprecations(List.of()));
    }
}
