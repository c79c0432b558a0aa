package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readLocation(DocsModule.openApi().toUri().toString(), null, options);
    }

    @Test
    void parsesAsValidOpenApi31WithoutMessages() {
        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void documentsEveryEndpointOfTheContract() {
        Map<String, PathItem> paths = parse().getOpenAPI().getPaths();
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method + " " + path)));

        assertThat(documented).contains(
                "POST /api/{client_id}/sms/send",
                "POST /api/{client_id}/sms/quote",
                "GET /api/{client_id}/sms/status/{message_id}",
                "GET /api/{client_id}/sms/history",
                "GET /api/{client_id}/sms/statistics",
                "DELETE /api/{client_id}/sms/{message_id}",
                "GET /api/{client_id}/client/balance",
                "GET /api/{client_id}/client/statistics",
                "POST /api/{client_id}/wallet/topup",
                "GET /api/{client_id}/wallet/topup/{transaction_id}",
                "POST /api/{client_id}/wallet/topup/manual",
                "GET /api/{client_id}/wallet/transactions",
                "PUT /api/{client_id}/webhooks/config",
                "GET /api/{client_id}/webhooks/config",
                "DELETE /api/{client_id}/webhooks/config",
                "POST /api/{client_id}/webhooks/secret/rotate",
                "POST /api/{client_id}/webhooks/test",
                "GET /api/{client_id}/webhooks/deliveries",
                "GET /api/{client_id}/webhooks/deliveries/{delivery_id}",
                "POST /api/{client_id}/webhooks/deliveries/{delivery_id}/retry",
                "GET /health",
                "GET /metrics",
                "GET /api/webhooks/onfon/dlr/{token}",
                "POST /api/webhooks/onfon/dlr/{token}",
                "POST /api/webhooks/mpesa/callback/{token}",
                "POST /api/webhooks/mpesa/timeout/{token}");
    }

    @Test
    void documentsEveryOutgoingWebhookEvent() {
        OpenAPI api = parse().getOpenAPI();

        assertThat(api.getWebhooks()).containsKeys("balance.updated", "message.sent", "message.delivered",
                "message.failed", "topup.completed", "topup.failed");
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> ids = new ArrayList<>();
        parse().getOpenAPI().getPaths().values()
                .forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));

        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void everyProblemExampleLinksItsTypeToTheErrorsPageAnchorOfItsCode() {
        OpenApiDocument document = OpenApiDocument.read(DocsModule.openApi());
        List<JsonNode> problems = new ArrayList<>();
        collectProblems(document.root(), problems);

        assertThat(problems).isNotEmpty();
        for (JsonNode problem : problems) {
            assertThat(problem.path("type").asText())
                    .isEqualTo("/docs/errors.html#" + problem.path("code").asText());
        }
    }

    @Test
    void mapsEveryErrorCodeOfTheContractToItsStatus() {
        OpenApiDocument document = OpenApiDocument.read(DocsModule.openApi());
        List<JsonNode> problems = new ArrayList<>();
        collectProblems(document.root(), problems);
        Map<String, Integer> statusByCode = new java.util.HashMap<>();
        problems.forEach(p -> statusByCode.put(p.path("code").asText(), p.path("status").asInt()));

        assertThat(statusByCode).contains(
                Map.entry("validation_failed", 400), Map.entry("invalid_recipient", 400),
                Map.entry("webhook_url_not_allowed", 400), Map.entry("unauthorized", 401),
                Map.entry("insufficient_balance", 402), Map.entry("forbidden", 403),
                Map.entry("account_suspended", 403), Map.entry("not_found", 404),
                Map.entry("idempotency_in_progress", 409), Map.entry("payload_too_large", 413),
                Map.entry("sender_not_allowed", 422), Map.entry("idempotency_conflict", 422),
                Map.entry("rate_limited", 429), Map.entry("internal_error", 500),
                Map.entry("payment_provider_error", 502));
    }

    private static void collectProblems(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            if (node.path("code").isTextual() && node.path("type").isTextual() && node.path("status").isInt()) {
                found.add(node);
            }
            node.elements().forEachRemaining(child -> collectProblems(child, found));
        } else if (node.isArray()) {
            node.forEach(child -> collectProblems(child, found));
        }
    }
}
