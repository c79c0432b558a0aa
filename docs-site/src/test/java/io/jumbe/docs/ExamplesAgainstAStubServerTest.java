package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every interpreted example against a local HTTP server that records what it receives, and checks
 * each one calls the documented method and path with the API key, the idempotency key where the document
 * asks for one, and a JSON body that parses. The lead's contract test runs the same examples against the
 * real server; this one proves the examples speak the document's HTTP.
 */
class ExamplesAgainstAStubServerTest {
    private record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
                byte[] answer = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                // Without it Node's fetch holds the kept-alive socket and each example exits seconds later.
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl", "python", "node", "php"})
    void everyExampleCallsTheDocumentedMethodAndPath(String languageId) throws Exception {
        Language language = Language.ALL.stream().filter(l -> l.id().equals(languageId)).findFirst().orElseThrow();
        String program = ExampleRunner.interpreter(language).get(0);
        assumeTrue(ExamplesTest.onPath(program), program + " is not installed");
        if (language.id().equals("curl")) {
            assumeTrue(ExamplesTest.onPath("curl"), "curl is not installed");
        }
        ExampleRunner runner = new ExampleRunner(DocsModule.dir().resolve("src/examples"));
        Map<String, String> environment = environment(true);
        ObjectMapper json = new ObjectMapper();

        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            received.clear();
            ExampleRunner.Result result = runner.run(language, op.operationId(), environment);

            assertThat(result.exitCode()).as(op.operationId() + ": " + result.output()).isEqualTo(0);
            assertThat(result.output()).as(op.operationId()).contains("200");
            assertThat(received).as(op.operationId()).hasSize(1);
            Received request = received.get(0);
            assertThat(request.method()).as(op.operationId()).isEqualTo(op.method());
            assertThat(request.path()).as(op.operationId()).matches(pathPattern(op.path()));
            if (op.path().startsWith("/api/{client_id}/")) {
                assertThat(request.headers().get("X-api-key")).as(op.operationId()).containsExactly("sk_test_docs_example_key");
            }
            if (hasIdempotencyKey(op)) {
                assertThat(request.headers()).as(op.operationId()).containsKey("Idempotency-key");
            }
            if (op.node().path("requestBody").path("content").has("application/json")) {
                assertThat(json.readTree(request.body())).as(op.operationId() + " body").isNotNull();
                assertThat(request.body()).as(op.operationId()).isNotBlank();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void everyCurlExampleWorksPastedIntoAnInteractiveShell() throws Exception {
        assumeTrue(ExamplesTest.onPath("bash") && ExamplesTest.onPath("curl"), "bash or curl is not installed");
        ExampleRunner runner = new ExampleRunner(DocsModule.dir().resolve("src/examples"));
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            received.clear();
            ExampleRunner.Result result = runner.runPastedIntoAnInteractiveShell(op.operationId(), environment(true));

            assertThat(result.exitCode()).as(op.operationId() + ": " + result.output()).isEqualTo(0);
            assertThat(received).as(op.operationId() + ": " + result.output()).hasSize(1);
            assertThat(received.get(0).path()).as(op.operationId()).matches(pathPattern(op.path()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl", "curl-pasted", "python", "node", "php"})
    void anExampleNeedingAnIdFromAnEarlierStepStopsWithTheExportLineWhenItIsUnset(String how) throws Exception {
        String languageId = how.startsWith("curl") ? "curl" : how;
        Language language = Language.ALL.stream().filter(l -> l.id().equals(languageId)).findFirst().orElseThrow();
        String program = ExampleRunner.interpreter(language).get(0);
        assumeTrue(ExamplesTest.onPath(program), program + " is not installed");
        ExampleRunner runner = new ExampleRunner(DocsModule.dir().resolve("src/examples"));
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            String variable = ExamplesTest.idVariable(op);
            if (variable == null) {
                continue;
            }
            received.clear();
            ExampleRunner.Result result = how.equals("curl-pasted")
                    ? runner.runPastedIntoAnInteractiveShell(op.operationId(), environment(false))
                    : runner.run(language, op.operationId(), environment(false));

            assertThat(result.exitCode()).as(how + " " + op.operationId() + ": " + result.output()).isNotEqualTo(0);
            assertThat(result.output()).as(how + " " + op.operationId()).contains("export " + variable + "=");
            assertThat(received).as(how + " " + op.operationId() + " called the API with a placeholder").isEmpty();
        }
    }

    /** The reader's settings; with the ids an earlier step (sending, topping up, a delivery) would have given. */
    private Map<String, String> environment(boolean withIdsFromEarlierSteps) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "JUMBE_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "JUMBE_CLIENT_ID", "2",
                "JUMBE_API_KEY", "sk_test_docs_example_key"));
        if (withIdsFromEarlierSteps) {
            environment.putAll(Map.of("MESSAGE_ID", "MSG-01JB3Q8Z5K7W", "TRANSACTION_ID", "TXN-01JB3QF7R2M4",
                    "DELIVERY_ID", "WH-01JB3QK4T9V2", "SIGNUP_TOKEN", "sgt_docs_example_token",
                    "WHATSAPP_VERIFY_TOKEN", "docs-example-verify-token"));
            // ids from earlier steps, which the examples that need them refuse to run without
            environment.putAll(Map.of("CONTACT_ID", "CON-01JB3QA1B2C3", "IMPORT_ID", "IMP-01JB3QB7K2M1",
                    "CAMPAIGN_ID", "CMP-01JB3QD4E5F6", "GROUP_NAME", "old-list", "OPT_OUT_PHONE", "0722110160"));
        }
        return environment;
    }

    private static boolean hasIdempotencyKey(OpenApiDocument.Operation op) {
        for (var parameter : op.node().path("parameters")) {
            if (parameter.path("$ref").asText().endsWith("/IdempotencyKey")) {
                return true;
            }
        }
        return false;
    }

    private static Pattern pathPattern(String template) {
        String regex = Pattern.quote(template)
                .replace("{client_id}", "\\E2\\Q")
                .replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
        return Pattern.compile(regex);
    }
}
