package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DocsResourcesTest {
    private final DocsResources docs = new DocsResources();

    @Test
    void servesTheIndexForTheSiteRoot() {
        assertThat(docs.read("")).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<h1 id=\"getting-started\">"));
    }

    @Test
    void servesTheOpenApiDocumentAsWritten() throws Exception {
        assertThat(docs.openApiYaml()).isEqualTo(Files.readAllBytes(DocsModule.openApi()));
    }

    @Test
    void servesAssetsWithTheirContentType() {
        assertThat(docs.read("assets/site.css")).isPresent();
        assertThat(DocsResources.contentType("assets/site.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(DocsResources.contentType("")).isEqualTo("text/html; charset=utf-8");
        assertThat(DocsResources.contentType("openapi.yaml")).startsWith("application/yaml");
    }

    @Test
    void refusesPathsThatLeaveTheSite() {
        assertThat(docs.read("../io/jumbe/docs/DocsResources.class")).isEmpty();
        assertThat(docs.read("/etc/passwd")).isEmpty();
        assertThat(docs.read("missing.html")).isEmpty();
    }
}
