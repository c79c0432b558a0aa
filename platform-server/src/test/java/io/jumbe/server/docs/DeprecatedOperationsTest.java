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
 * The deprecation policy as a contract: every operation {@code openapi.yaml} marks {@code deprecated: true}, and every
 * operation whose success answer holds a property marked {@code deprecated: true}, answers with {@code Deprecation},
 * {@code Sunset} and a {@code Link} that names the fields. No operation is deprecated today (a webhook delivery's
 * {@code id} is), so fixtures prove the check bites on both.
 */
class DeprecatedOperationsTest {
    private static final Deprecations BALANCE_DEPRECATED = new Deprecations(List.of(new Deprecations.Operation(
            "GET", "/api/{client_id}/client/balance", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-03-01"))));

    // the real server answers the SMS history without deprecation headers
    private static final Deprecations HISTORY_FIELD_DEPRECATED = new Deprecations(List.of(new Deprecations.Operation(
            "GET", "/api/{client_id}/sms/history", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-03-01"),
            List.of("data[].message_id"))));

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
    void everyDeprecatedOperationAndEveryAnswerWithADeprecatedFieldSendsTheHeaders() throws Exception {
        Deprecations inTheDocument = Deprecations.of(OpenApiDocument.read(DocsModule.openApi()));

        assertThat(withoutTheHeaders(app.baseUrl(), inTheDocument)).isEmpty();
    }

    @Test
    void everyOperationAnsweringWithADeprecatedFieldIsChecked() {
        Deprecations inTheDocument = Deprecations.of(OpenApiDocument.read(DocsModule.openApi()));

        // the check above is not empty: the delivery log and its replay carry the deprecated id
        assertThat(inTheDocument.operations()).extracting(op -> op.method() + " " + op.path()).contains(
                "GET /api/{client_id}/webhooks/deliveries",
                "GET /api/{client_id}/webhooks/deliveries/{delivery_id}",
                "POST /api/{client_id}/webhooks/deliveries/{delivery_id}/retry");
    }

    @Test
    void theCheckFindsAnOperationWithADeprecatedFieldThatSendsNoHeaders() throws Exception {
        assertThat(withoutTheHeaders(app.baseUrl(), HISTORY_FIELD_DEPRECATED))
                .containsExactly("GET /api/{client_id}/sms/history");
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

    @Test
    void anAnswerWithADeprecatedFieldNamesItInTheLink() throws Exception {
        Javalin server = Javalin.create(config -> {
            new DeprecationHeaders(HISTORY_FIELD_DEPRECATED).register(config.routes);
            config.routes.get("/api/{client_id}/sms/history", ctx -> ctx.result("{}"));
        }).start(0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(withoutTheHeaders(base, HISTORY_FIELD_DEPRECATED)).isEmpty();

            HttpResponse<String> answer = get(base + "/api/7/sms/history");
            assertThat(answer.headers().firstValue("Deprecation")).hasValue("@1796083200");
            assertThat(answer.headers().firstValue("Sunset")).hasValue("Mon, 01 Mar 2027 00:00:00 GMT");
            assertThat(answer.headers().firstValue("Link")).hasValue(
                    "</docs/changelog.html>; rel=\"deprecation\"; type=\"text/html\"; title=\"deprecated field: data[].message_id\"");
        } finally {
            server.stop();
        }
    }

    /** The operations (as {@code METHOD /path}) that did not answer with the three headers and the right values. */
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
                    && response.headers().firstValue("Sunset").equals(java.util.Optional.of(op.sunsetHeader()))
                    && response.headers().firstValue("Link").equals(java.util.Optional.of(op.linkHeader()));
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
