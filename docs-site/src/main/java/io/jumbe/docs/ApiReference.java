package io.jumbe.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the API reference page from the OpenAPI document: every operation with its parameters, request
 * and response examples and code tabs, then every outgoing webhook with its headers and payload.
 */
final class ApiReference {
    private static final Pattern CODE = Pattern.compile("<code>([a-z_]+)</code>");

    private final OpenApiDocument document;
    private final Examples examples;
    private final CodeTabs tabs;
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();
    private final Set<String> errorCodes = new HashSet<>();
    private final Deprecations deprecations;

    ApiReference(OpenApiDocument document, Examples examples, CodeTabs tabs) {
        this.document = document;
        this.deprecations = Deprecations.of(document);
        this.examples = examples;
        this.tabs = tabs;
        document.resolve(document.root().at("/components/schemas/ErrorCode")).path("enum")
                .forEach(code -> errorCodes.add(code.asText()));
    }

    Page render() {
        StringBuilder html = new StringBuilder();
        html.append("<h1 id=\"api-reference\">API reference</h1>\n");
        html.append(markdown(document.root().path("info").path("description").asText("")));
        html.append("<p>The machine-readable document: <a href=\"openapi.yaml\">openapi.yaml</a> (OpenAPI 3.1).</p>\n");
        html.append("<nav class=\"toc\" aria-label=\"Endpoints\">\n");
        List<OpenApiDocument.Operation> operations = document.operations();
        for (String tag : document.tags()) {
            html.append("<h4>").append(Html.escape(tag)).append("</h4><ul>\n");
            for (OpenApiDocument.Operation op : operations) {
                if (op.tag().equals(tag)) {
                    html.append("<li><a href=\"#").append(op.operationId()).append("\"><span class=\"method method-")
                            .append(op.method().toLowerCase(java.util.Locale.ROOT)).append("\">").append(op.method())
                            .append("</span> ").append(Html.escape(op.path())).append("</a></li>\n");
                }
            }
            html.append("</ul>\n");
        }
        html.append("<h4>Webhooks</h4><ul>\n");
        for (OpenApiDocument.Webhook webhook : document.webhooks()) {
            html.append("<li><a href=\"#").append(webhookAnchor(webhook.event())).append("\">")
                    .append(Html.escape(webhook.event())).append("</a></li>\n");
        }
        html.append("</ul></nav>\n");

        for (String tag : document.tags()) {
            html.append("<h2 id=\"").append(Html.slug("tag-" + tag)).append("\">").append(Html.escape(tag)).append("</h2>\n");
            JsonNode tagNode = tagNode(tag);
            html.append(markdown(tagNode.path("description").asText("")));
            for (OpenApiDocument.Operation op : operations) {
                if (op.tag().equals(tag)) {
                    html.append(operation(op));
                }
            }
        }
        html.append("<h2 id=\"webhooks\">Webhooks</h2>\n");
        html.append("<p>Jumbe POSTs these events to your <code>webhook_url</code>. Verify every delivery before "
                + "trusting it: see <a href=\"webhooks.html#verifying-signatures\">Verifying signatures</a>.</p>\n");
        for (OpenApiDocument.Webhook webhook : document.webhooks()) {
            html.append(webhook(webhook));
        }
        return new Page("reference.html", "API reference", html.toString());
    }

    static String webhookAnchor(String event) {
        return "event-" + event.replace('.', '-');
    }

    private JsonNode tagNode(String tag) {
        for (JsonNode t : document.root().path("tags")) {
            if (t.path("name").asText().equals(tag)) {
                return t;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private String operation(OpenApiDocument.Operation op) {
        JsonNode node = op.node();
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"operation\">\n");
        html.append("<h3 id=\"").append(op.operationId()).append("\">").append(Html.escape(op.summary())).append("</h3>\n");
        html.append("<p class=\"endpoint\"><span class=\"method method-").append(op.method().toLowerCase(java.util.Locale.ROOT))
                .append("\">").append(op.method()).append("</span> <code>").append(Html.escape(op.path())).append("</code></p>\n");
        html.append(markdown(node.path("description").asText("")));
        deprecations.find(op.method(), op.path()).ifPresent(d -> html.append(deprecationNote(d)));
        if (node.has("security") && node.get("security").isEmpty()) {
            html.append("<p class=\"note\">No API key: this endpoint is public or protected by the token in its path.</p>\n");
        }

        JsonNode pathItem = document.root().path("paths").path(op.path());
        StringBuilder rows = new StringBuilder();
        for (JsonNode p : pathItem.path("parameters")) {
            rows.append(parameterRow(document.resolve(p)));
        }
        for (JsonNode p : node.path("parameters")) {
            rows.append(parameterRow(document.resolve(p)));
        }
        if (rows.length() > 0) {
            html.append("<h4>Parameters</h4>\n<table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>\n")
                    .append(rows).append("</tbody></table>\n");
        }

        JsonNode body = node.path("requestBody").path("content");
        if (!body.isMissingNode()) {
            JsonNode media = body.has("application/json") ? body.get("application/json") : body.elements().next();
            JsonNode schema = document.resolve(media.path("schema"));
            html.append("<h4>Request body</h4>\n");
            html.append(fieldsTable(schema));
            JsonNode example = firstExample(media);
            if (example != null) {
                html.append("<pre class=\"example\"><code class=\"language-json\">")
                        .append(Html.escape(document.toJson(example))).append("</code></pre>\n");
            }
        }

        html.append("<h4>Responses</h4>\n<table><thead><tr><th>Status</th><th>Description</th></tr></thead><tbody>\n");
        JsonNode successExample = null;
        String successStatus = null;
        String successType = null;
        for (Map.Entry<String, JsonNode> response : iterable(node.path("responses"))) {
            JsonNode resolved = document.resolve(response.getValue());
            html.append("<tr><td><code>").append(response.getKey()).append("</code></td><td>")
                    .append(linkCodes(inline(resolved.path("description").asText("")))).append("</td></tr>\n");
            if (successStatus == null && response.getKey().startsWith("2")) {
                successStatus = response.getKey();
            }
            if (successExample == null && response.getKey().startsWith("2")) {
                for (Map.Entry<String, JsonNode> media : iterable(resolved.path("content"))) {
                    JsonNode example = firstExample(media.getValue());
                    if (example != null) {
                        successExample = example;
                        successStatus = response.getKey();
                        successType = media.getKey();
                        break;
                    }
                }
            }
        }
        html.append("</tbody></table>\n");
        if (successExample == null && successStatus != null) {
            html.append("<p class=\"example-label\">Example response <code>").append(successStatus).append("</code></p>\n")
                    .append("<pre class=\"example\"><code>(empty body)</code></pre>\n");
        }
        if (successExample != null) {
            html.append("<p class=\"example-label\">Example response <code>").append(successStatus).append("</code> <code>")
                    .append(Html.escape(successType)).append("</code></p>\n");
            String text = successExample.isTextual() ? successExample.asText() : document.toJson(successExample);
            html.append("<pre class=\"example\"><code>").append(Html.escape(text)).append("</code></pre>\n");
        }
        html.append("<h4>Examples</h4>\n");
        html.append(tabs.render(op.operationId(), examples.of(op.operationId())));
        html.append("</section>\n");
        return html.toString();
    }

    private String webhook(OpenApiDocument.Webhook webhook) {
        JsonNode node = webhook.node();
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"operation\">\n<h3 id=\"").append(webhookAnchor(webhook.event())).append("\">")
                .append(Html.escape(webhook.event())).append("</h3>\n");
        html.append("<p>").append(Html.escape(node.path("summary").asText(""))).append("</p>\n");
        html.append(markdown(node.path("description").asText("")));
        html.append("<h4>Headers</h4>\n<table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>\n");
        for (JsonNode p : node.path("parameters")) {
            html.append(parameterRow(document.resolve(p)));
        }
        html.append("</tbody></table>\n");
        JsonNode media = node.path("requestBody").path("content").path("application/json");
        JsonNode example = firstExample(media);
        if (example != null) {
            html.append("<h4>Payload</h4>\n<pre class=\"example\"><code class=\"language-json\">")
                    .append(Html.escape(document.toJson(example))).append("</code></pre>\n");
        }
        html.append("</section>\n");
        return html.toString();
    }

    private String parameterRow(JsonNode parameter) {
        String description = parameter.path("description").asText("");
        JsonNode schema = parameter.path("schema");
        JsonNode resolved = document.resolve(schema);
        if (resolved.has("enum")) {
            description = (description.isEmpty() ? "" : description + " ") + "One of: " + enumList(resolved) + ".";
        }
        if (resolved.has("default")) {
            description = description + " Default `" + resolved.get("default").asText() + "`.";
        }
        return "<tr><td><code>" + Html.escape(parameter.path("name").asText()) + "</code>"
                + (parameter.path("required").asBoolean(false) ? " <span class=\"required\">required</span>" : "")
                + "</td><td>" + Html.escape(parameter.path("in").asText()) + "</td><td>" + Html.escape(typeOf(schema))
                + "</td><td>" + inline(description.strip()) + "</td></tr>\n";
    }

    /** Says what is deprecated and when it may go, as the headers of its answers do. */
    private static String deprecationNote(Deprecations.Operation deprecated) {
        StringBuilder what = new StringBuilder();
        if (deprecated.fields().isEmpty()) {
            what.append("This endpoint is deprecated");
        } else {
            what.append(deprecated.fields().size() == 1 ? "The field " : "The fields ");
            for (int i = 0; i < deprecated.fields().size(); i++) {
                what.append(i == 0 ? "" : ", ").append("<code>").append(Html.escape(deprecated.fields().get(i)))
                        .append("</code>");
            }
            what.append(" of this answer ").append(deprecated.fields().size() == 1 ? "is" : "are").append(" deprecated");
        }
        return "<p class=\"note deprecated\">" + what + " since " + deprecated.deprecatedSince()
                + " and may be removed from " + deprecated.sunset() + "; answers carry <code>Deprecation</code> and "
                + "<code>Sunset</code> headers. See the <a href=\"changelog.html\">API changelog</a> for what replaces "
                + (deprecated.fields().size() == 1 ? "it" : "them") + ".</p>\n";
    }

    private String fieldsTable(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        if (properties.isMissingNode() || properties.isEmpty()) {
            return "";
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        StringBuilder html = new StringBuilder("<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>\n");
        for (Map.Entry<String, JsonNode> field : iterable(properties)) {
            JsonNode resolved = document.resolve(field.getValue());
            String description = field.getValue().path("description").asText(resolved.path("description").asText(""));
            if (resolved.has("enum")) {
                description = description + " One of: " + enumList(resolved) + ".";
            }
            html.append("<tr><td><code>").append(Html.escape(field.getKey())).append("</code>")
                    .append(required.contains(field.getKey()) ? " <span class=\"required\">required</span>" : "")
                    .append("</td><td>").append(Html.escape(typeOf(field.getValue()))).append("</td><td>")
                    .append(inline(description.strip())).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private String enumList(JsonNode schema) {
        StringBuilder values = new StringBuilder();
        for (JsonNode value : schema.get("enum")) {
            values.append(values.length() == 0 ? "" : ", ").append('`').append(value.asText()).append('`');
        }
        return values.toString();
    }

    private String typeOf(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceAll(".*/", "");
            return switch (name) {
                case "Money" -> "number (KES)";
                case "Phone" -> "string (phone)";
                case "Timestamp" -> "string (date-time)";
                default -> {
                    JsonNode target = document.resolve(schema);
                    yield target.has("enum") || target.path("type").isTextual() && !"object".equals(target.path("type").asText())
                            ? typeOf(target) : name;
                }
            };
        }
        JsonNode type = schema.path("type");
        String text;
        if (type.isArray()) {
            StringBuilder union = new StringBuilder();
            type.forEach(t -> union.append(union.length() == 0 ? "" : " | ").append(t.asText()));
            text = union.toString();
        } else {
            text = type.asText("object");
        }
        if ("array".equals(text)) {
            return "array of " + typeOf(schema.path("items"));
        }
        String format = schema.path("format").asText("");
        return format.isEmpty() ? text : text + " (" + format + ")";
    }

    private static JsonNode firstExample(JsonNode media) {
        if (media == null || media.isMissingNode()) {
            return null;
        }
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.has("examples")) {
            return media.get("examples").elements().next().path("value");
        }
        return null;
    }

    private String markdown(String text) {
        return text.isBlank() ? "" : linkCodes(renderer.render(parser.parse(text)));
    }

    private String inline(String text) {
        String html = renderer.render(parser.parse(text)).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>")) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** Links every error code written as {@code `code`} to its entry on the Errors page. */
    private String linkCodes(String html) {
        Matcher code = CODE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (code.find()) {
            String replacement = errorCodes.contains(code.group(1))
                    ? "<a href=\"errors.html#" + code.group(1) + "\">" + code.group() + "</a>" : code.group();
            code.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        code.appendTail(out);
        return out.toString();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
