package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.server.testing.Http;
import io.jumbe.server.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The docs site and the OpenAPI document as the running server serves them, over HTTP, with no API key. */
class DocsServingTest {
    private static TestApp app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.h2());
        http = app.http();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void docsWithoutATrailingSlashRedirectsPermanentlyToDocsWithOne() {
        Http.Response r = http.get("/docs");

        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("Location")).isEqualTo("/docs/");
    }

    @Test
    void docsRootServesTheGettingStartedPageAsHtml() {
        Http.Response r = http.get("/docs/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(r.body()).contains("<html").contains("Getting started");
    }

    @Test
    void aPageIsServedByItsName() {
        Http.Response r = http.get("/docs/errors.html");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(r.body()).contains("insufficient_balance");
    }

    @Test
    void assetsInSubfoldersAreServedWithTheirContentType() {
        Http.Response css = http.get("/docs/assets/site.css");
        Http.Response js = http.get("/docs/assets/site.js");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).isEqualTo("text/javascript; charset=utf-8");
    }

    @Test
    void anUnknownPageIsTheNotFoundProblem() {
        Http.Response r = http.get("/docs/nope.html");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
        assertThat(r.json().get("instance").asText()).isEqualTo("/docs/nope.html");
    }

    @Test
    void aPathThatTriesToLeaveTheSiteIsNotFound() {
        Http.Response r = http.get("/docs/..%2F..%2Fio/jumbe/server/Main.class");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void theOpenApiDocumentIsServedAsYaml() {
        Http.Response r = http.get("/openapi.yaml");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/yaml; charset=utf-8");
        assertThat(r.body()).startsWith("openapi: 3.1").contains("/api/{client_id}/client/balance:");
    }

    @Test
    void theServedDocumentListsThePublicBaseUrlFirstInServers() {
        try (TestApp hosted = TestApp.start(TestDatabases.h2(), java.util.Map.of("PUBLIC_BASE_URL", "https://api.example.co.ke"))) {
            Http.Response r = hosted.http().get("/openapi.yaml");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("servers:\n  - url: https://api.example.co.ke\n    description: This platform (PUBLIC_BASE_URL)\n"
                    + "  - url: http://localhost:8080\n");
        }
    }

    @Test
    void theServerListsTheDocsRoutes() {
        assertThat(app.application().routes()).contains("GET /docs", "GET /openapi.yaml")
                .anyMatch(route -> route.startsWith("GET /docs/"));
    }
}
