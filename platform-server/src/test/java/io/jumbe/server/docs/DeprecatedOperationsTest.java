package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.Deprecations;
import io.jumbe.docs.DocsModule;
import io.jumbe.docs.DocsResources;
import io.jumbe.docs.OpenApiDocument;
import io.jumbe.server.testing.Sender;
import io.jumbe.server.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deprecation policy as a contract: every operation {@code openapi.yaml} marks {@code deprecated: true} answers
 * with {@code Deprecation} and {@code Sunset}. No operation is deprecated today, so a fixture proves the check bites.
 */
class DeprecatedOperationsTest {
    private static final Deprecations BALANCE_DEPRECATED = new Deprecations(List.of(new Deprecations.Operation(
            "GET", "/api/{client_id}/client/balance", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-03-01"))));

    private static TestApp app;
    private static Sender sender;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.h2());
        sender = app.sender("10.00");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theServerDeprecatesExactlyTheOperationsTheDocumentMarks() {
        Deprecations inTheDocument = Deprecations.of(OpenApiDocument.read(DocsModule.openApi()));
        Deprecations servedByTheServer = Deprecations.in(new DocsResources());

        assertThat(servedByTheServer.operations()).isEqualTo(inTheDocument.operations());
    }

    @Test
    void everyDeprecatedOperationAnswersWithDeprecationAndSunset() throws Exception {
        Deprecations inTheDocument = Deprecations.of(OpenApiDocument.read(DocsModule.openApi()));

        assertThat(withoutTheHeaders(app.baseUrl(), inTheDocument)).isEmpty();
    }

    @Test
    void theCheckFindsADeprecatedOperationThatSendsNoHeaders() throws Exception {
        // the real server does not deprecate the balance: the check must say so
        assertThat(withoutTheHeaders(app.baseUrl(), BALANCE_DEPRECATED))
                .containsExactly("GET /api/{client_id}/client/balance");
    }

    @Test
    void aDeprecatedOperationIsAnsweredWithRfcDatesEvenWhenTheCallFails() throws Exception {
        Javalin server = Javalin.create(config -> {
            new DeprecationHeaders(BALANCE_DEPRECATED).register(config.routes);
            config.routes.get("/api/{client_id}/client/balance", ctx -> ctx.status(401).result("{}"));
            config.routes.get("/api/{client_id}/sms/history", ctx -> ctx.result("{}"));
        }).start(0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(withoutTheHeaders(base, BALANCE_DEPRECATED)).isEmpty();

            HttpResponse<String> deprecated = get(base + "/api/7/client/balance");
            assertThat(deprecated.statusCode()).isEqualTo(401);
            // 2026-12-01T00:00:00Z, and the sunset as an IMF-fixdate
            assertThat(deprecated.headers().firstValue("Deprecation")).hasValue("@1796083200");
            assertThat(deprecated.headers().firstValue("Sunset")).hasValue("Mon, 01 Mar 2027 00:00:00 GMT");
            assertThat(deprecated.headers().firstValue("Link")).hasValue(DeprecationHeaders.LINK);
            HttpResponse<String> current = get(base + "/api/7/sms/history");
            assertThat(current.headers().firstValue("Deprecation")).isEmpty();
            assertThat(current.headers().firstValue("Sunset")).isEmpty();
        } finally {
            server.stop();
        }
    }

    /** The operations (as {@code METHOD /path}) that did not answer with both headers and the right dates. */
    private static List<String> withoutTheHeaders(String baseUrl, Deprecations deprecations) throws Exception {
        List<String> missing = new ArrayList<>();
        for (Deprecations.Operation op : deprecations.operations()) {
            String path = op.path().replace("{client_id}", Long.toString(sender.clientId()))
                    .replaceAll("\\{[^}]*}", "x");
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("X-API-Key", sender.apiKey()).header("Content-Type", "application/json")
                    .method(op.method(), op.method().equals("GET") || op.method().equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            boolean marked = response.headers().firstValue("Deprecation").equals(java.util.Optional.of(op.deprecationHeader()))
                    && response.headers().firstValue("Sunset").equals(java.util.Optional.of(op.sunsetHeader()));
            if (!marked) {
                missing.add(op.method() + " " + op.path());
            }
        }
        return missing;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
