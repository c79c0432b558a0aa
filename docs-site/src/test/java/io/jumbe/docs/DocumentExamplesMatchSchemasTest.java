package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every JSON response example in the document validates against its own schema, with the same validator
 * library the contract test uses against the real server. A wrong example would teach readers a wrong API.
 */
class DocumentExamplesMatchSchemasTest {

    @Test
    void everyJsonResponseExampleValidatesAgainstItsSchema() {
        OpenApiDocument document = OpenApiDocument.read(DocsModule.openApi());
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createFor(DocsModule.openApi().toString())
                .build();
        List<String> failures = new ArrayList<>();
        int checked = 0;

        for (OpenApiDocument.Operation op : document.operations()) {
            String path = op.path().replace("{client_id}", "2").replaceAll("\\{[a-z_]+}", "ID-1");
            for (Map.Entry<String, JsonNode> response : iterable(op.node().path("responses"))) {
                JsonNode resolved = document.resolve(response.getValue());
                for (Map.Entry<String, JsonNode> media : iterable(resolved.path("content"))) {
                    if (!media.getKey().contains("json")) {
                        continue;
                    }
                    for (JsonNode example : examples(media.getValue())) {
                        SimpleResponse actual = SimpleResponse.Builder.status(Integer.parseInt(response.getKey()))
                                .withContentType(media.getKey())
                                .withBody(document.toJson(example))
                                .build();
                        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(op.method()), actual);
                        checked++;
                        if (report.hasErrors()) {
                            failures.add(op.operationId() + " " + response.getKey() + ": " + report.getMessages());
                        }
                    }
                }
            }
        }

        assertThat(checked).isGreaterThan(50);
        assertThat(failures).isEmpty();
    }

    @Test
    void theValidatorRejectsAResponseThatBreaksTheSchema() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createFor(DocsModule.openApi().toString())
                .build();
        SimpleResponse wrong = SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody("{\"balance\": \"lots\", \"currency\": \"KES\", \"price_per_unit\": 1.00}")
                .build();

        ValidationReport report = validator.validateResponse("/api/2/client/balance", Request.Method.GET, wrong);

        assertThat(report.hasErrors()).as(report.getMessages().toString()).isTrue();
    }

    @Test
    void theValidatorRejectsAProblemWithAnUnknownCode() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createFor(DocsModule.openApi().toString())
                .build();
        SimpleResponse wrong = SimpleResponse.Builder.status(404)
                .withContentType("application/problem+json")
                .withBody("{\"type\": \"/docs/errors.html#nope\", \"title\": \"Nope\", \"status\": 404, \"code\": \"nope\"}")
                .build();

        ValidationReport report = validator.validateResponse("/api/2/sms/status/MSG-1", Request.Method.GET, wrong);

        assertThat(report.hasErrors()).as(report.getMessages().toString()).isTrue();
    }

    private static List<JsonNode> examples(JsonNode media) {
        List<JsonNode> found = new ArrayList<>();
        if (media.has("example")) {
            found.add(media.get("example"));
        }
        media.path("examples").forEach(e -> found.add(e.path("value")));
        return found;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
