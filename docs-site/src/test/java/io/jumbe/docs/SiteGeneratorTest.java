package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGeneratorTest {
    @TempDir
    static Path site;
    static List<Page> pages;

    @BeforeAll
    static void generate() {
        pages = new SiteGenerator(DocsModule.dir(), site).generate();
    }

    @Test
    void writesEveryPageOfTheSite() {
        assertThat(site.resolve("index.html")).isRegularFile();
        for (String page : List.of("index.html", "authentication.html", "sms.html", "wallet.html", "webhooks.html",
                "notifications.html", "signup.html", "errors.html", "test-numbers.html", "test-mode.html",
                "analytics.html", "java-sdk.html", "going-live.html", "deprecation-policy.html", "whatsapp.html", "contacts.html", "reference.html",
                "changelog.html")) {
            assertThat(site.resolve(page)).as(page).isRegularFile();
        }
        assertThat(pages).hasSize(18);
    }

    @Test
    void copiesTheOpenApiDocumentToTheSiteRoot() throws IOException {
        assertThat(Files.readString(site.resolve("openapi.yaml"))).isEqualTo(Files.readString(DocsModule.openApi()));
    }

    @Test
    void everyInternalLinkResolvesToAFileAndAnchor() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path html : htmlFiles()) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            for (Element element : doc.select("a[href], link[href], script[src], img[src]")) {
                String target = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (isExternal(target)) {
                    continue;
                }
                String problem = check(html, target);
                if (problem != null) {
                    broken.add(site.relativize(html) + " -> " + target + ": " + problem);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void usesNoResourceFromAnotherHost() throws IOException {
        for (Path html : htmlFiles()) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            assertThat(doc.select("script[src], link[href], img[src], iframe"))
                    .as(html.getFileName().toString())
                    .allSatisfy(e -> assertThat(e.hasAttr("src") ? e.attr("src") : e.attr("href"))
                            .doesNotContain("//"));
        }
        assertThat(Files.readString(site.resolve("assets/site.css"))).doesNotContain("@import", "url(http");
    }

    @Test
    void everyLinkIsRelativeSoTheSiteWorksUnderDocs() throws IOException {
        for (Path html : htmlFiles()) {
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            assertThat(doc.select("a[href], link[href], script[src]"))
                    .allSatisfy(e -> assertThat(e.hasAttr("src") ? e.attr("src") : e.attr("href")).doesNotStartWith("/"));
        }
    }

    @Test
    void searchIndexHasAnEntryForEveryPage() throws IOException {
        JsonNode index = new ObjectMapper().readTree(site.resolve("search-index.json").toFile());
        Set<String> indexedFiles = new HashSet<>();
        index.forEach(entry -> indexedFiles.add(entry.path("url").asText().replaceAll("#.*", "")));

        for (Page page : pages) {
            assertThat(indexedFiles).as("search index").contains(page.file());
        }
        assertThat(Files.readString(site.resolve("search-index.js"))).startsWith("window.JUMBE_SEARCH_INDEX = [");
    }

    @Test
    void errorsPageHasAnEntryForEveryErrorCode() throws IOException {
        OpenApiDocument document = OpenApiDocument.read(DocsModule.openApi());
        Document errors = Jsoup.parse(site.resolve("errors.html").toFile(), "UTF-8");

        for (JsonNode code : document.root().at("/components/schemas/ErrorCode/enum")) {
            assertThat(errors.getElementById(code.asText())).as(code.asText()).isNotNull();
        }
    }

    @Test
    void referenceShowsEveryOperationWithCodeTabsInFiveLanguages() throws IOException {
        Document reference = Jsoup.parse(site.resolve("reference.html").toFile(), "UTF-8");
        OpenApiDocument document = OpenApiDocument.read(DocsModule.openApi());

        for (OpenApiDocument.Operation op : document.operations()) {
            Element heading = reference.getElementById(op.operationId());
            assertThat(heading).as(op.operationId()).isNotNull();
            Element section = heading.parent();
            assertThat(section.select(".code-tabs .tab").eachAttr("data-lang"))
                    .as(op.operationId())
                    .containsExactly("curl", "java", "php", "python", "node");
            assertThat(section.select("pre.example")).as(op.operationId() + " examples").isNotEmpty();
        }
    }

    @Test
    void referenceNotesEveryDeprecatedOperationAndDeprecatedFieldOfAnAnswer() throws IOException {
        Document reference = Jsoup.parse(site.resolve("reference.html").toFile(), "UTF-8");
        Deprecations deprecations = Deprecations.of(OpenApiDocument.read(DocsModule.openApi()));

        assertThat(deprecations.operations()).isNotEmpty();
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            Element section = reference.getElementById(op.operationId()).parent();
            var note = deprecations.find(op.method(), op.path());
            assertThat(section.select("p.deprecated")).as(op.operationId()).hasSize(note.isPresent() ? 1 : 0);
            note.ifPresent(d -> assertThat(section.select("p.deprecated").text())
                    .contains(d.sunset().toString()).contains(d.fields()));
        }
        assertThat(reference.getElementById("getWebhookDelivery").parent().select("p.deprecated").text())
                .startsWith("The field id of this answer is deprecated since 2026-11-24 and may be removed from 2027-02-22");
    }

    @Test
    void rendersTheApiChangelogBesideTheDocumentNotTheRepositorysChangelog() throws IOException {
        Document changelog = Jsoup.parse(site.resolve("changelog.html").toFile(), "UTF-8");

        assertThat(changelog.select("main h1").text()).isEqualTo("API changelog");
        assertThat(changelog.select("main h2").eachText()).allMatch(h -> h.matches("\\d{4}-\\d{2}-\\d{2}.*"));
        assertThat(changelog.select("main").text()).doesNotContain("[Unreleased]", "SKIP LOCKED", "Flyway");
    }

    @Test
    void showsMoneyWithTwoDecimals() throws IOException {
        String reference = Files.readString(site.resolve("reference.html"), StandardCharsets.UTF_8);

        assertThat(reference).contains("&quot;balance&quot;: 1049.00").doesNotContain("1049.0,");
    }

    private String check(Path from, String target) throws IOException {
        URI uri = URI.create(target);
        String path = uri.getPath();
        Path file = path == null || path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!file.startsWith(site)) {
            return "leaves the site";
        }
        if (!Files.isRegularFile(file)) {
            return "no such file";
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty()) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            if (doc.getElementById(fragment) == null) {
                return "no element with id " + fragment;
            }
        }
        return null;
    }

    private static boolean isExternal(String target) {
        return target.startsWith("http:") || target.startsWith("https:") || target.startsWith("mailto:")
                || target.startsWith("data:");
    }

    private static List<Path> htmlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }
}
