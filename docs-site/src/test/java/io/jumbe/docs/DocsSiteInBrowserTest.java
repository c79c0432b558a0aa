package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens the generated site in headless Chromium under /docs/ (and from file://) the way a reader would. */
class DocsSiteInBrowserTest {
    private static final Path SCREENSHOTS = DocsModule.dir().resolve("target/screenshots");

    private static Path site;
    private static SiteServer server;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        assumeTrue(chromium.isPresent(), "no Chromium installed (apt-get install chromium); .ci/run installs it");
        site = DocsModule.dir().resolve("target/site");
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            new SiteGenerator(DocsModule.dir(), site).generate();
        }
        server = new SiteServer(site);
        browser = new HeadlessChromium(chromium.get());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void followsEveryNavigationLinkAndFindsNoBrokenLinkAndNoConsoleError() throws Exception {
        browser.navigate(server.baseUrl());
        List<String> navigation = strings(browser.evaluate(
                "Array.from(document.querySelectorAll('nav.sidebar a')).map(a => a.href)"));
        assertThat(navigation).hasSizeGreaterThanOrEqualTo(10);

        Set<String> links = new LinkedHashSet<>();
        List<String> missingTitles = new ArrayList<>();
        for (String page : navigation) {
            browser.navigate(page);
            if (browser.evaluate("document.querySelector('main h1') ? document.querySelector('main h1').textContent : ''")
                    .asText().isBlank()) {
                missingTitles.add(page);
            }
            browser.screenshot(SCREENSHOTS.resolve("page-" + fileName(page).replace(".html", "") + ".png"));
            links.addAll(strings(browser.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                    + ".filter(h => h.startsWith(location.origin))")));
        }

        List<String> broken = new ArrayList<>();
        Map<String, Set<String>> anchorsByPage = new LinkedHashMap<>();
        for (String link : links) {
            URI uri = URI.create(link);
            String page = link.replaceAll("#.*", "");
            anchorsByPage.computeIfAbsent(page, p -> new LinkedHashSet<>());
            if (uri.getFragment() != null && !uri.getFragment().isEmpty()) {
                anchorsByPage.get(page).add(uri.getFragment());
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, Set<String>> page : anchorsByPage.entrySet()) {
            if (!page.getKey().endsWith(".html") && !page.getKey().endsWith("/")) {
                // Not a page (openapi.yaml): the browser would download it, so fetch it instead.
                int status = http.send(HttpRequest.newBuilder(URI.create(page.getKey())).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    broken.add(page.getKey() + " -> " + status);
                }
                continue;
            }
            browser.navigate(page.getKey());
            for (String anchor : page.getValue()) {
                boolean found = browser.evaluate("document.getElementById(" + quote(anchor) + ") !== null").asBoolean();
                if (!found) {
                    broken.add(page.getKey() + "#" + anchor);
                }
            }
        }

        assertThat(missingTitles).isEmpty();
        assertThat(broken).isEmpty();
        assertThat(server.notFound()).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void switchingACodeTabShowsThatLanguageInEveryGroup() throws Exception {
        browser.navigate(server.baseUrl() + "reference.html");
        browser.click("#sendSms ~ .code-tabs .tab[data-lang=python]");

        JsonNode state = browser.evaluate("(() => { const groups = Array.from(document.querySelectorAll('.code-tabs'));"
                + " return { groups: groups.length,"
                + " pythonShown: groups.filter(g => !g.querySelector('.tab-panel[data-lang=python]').hidden).length,"
                + " curlHidden: groups.filter(g => g.querySelector('.tab-panel[data-lang=curl]').hidden).length,"
                + " selected: document.querySelector('#sendSms ~ .code-tabs .tab[aria-selected=true]').textContent }; })()");
        browser.screenshot(SCREENSHOTS.resolve("code-tabs-python.png"));

        assertThat(state.get("selected").asText()).isEqualTo("Python");
        assertThat(state.get("pythonShown").asInt()).isEqualTo(state.get("groups").asInt());
        assertThat(state.get("curlHidden").asInt()).isEqualTo(state.get("groups").asInt());
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void searchFindsTheErrorEntryAndOpensIt() throws Exception {
        browser.navigate(server.baseUrl());
        browser.click("#search");
        browser.type("insufficient balance");

        List<String> results = strings(browser.evaluate(
                "Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))"));
        browser.screenshot(SCREENSHOTS.resolve("search.png"));
        assertThat(results).contains("errors.html#insufficient_balance");

        browser.clickAndWaitForLoad("#search-results a[href='errors.html#insufficient_balance']");
        assertThat(browser.evaluate("location.pathname + location.hash").asText())
                .isEqualTo("/docs/errors.html#insufficient_balance");
        assertThat(browser.errors()).isEmpty();
        assertThat(server.notFound()).isEmpty();
    }

    @Test
    void worksFromTheFileSystemToo() throws Exception {
        browser.navigate(site.resolve("index.html").toUri().toString());
        browser.click("#search");
        browser.type("webhook signature");

        int results = browser.evaluate("document.querySelectorAll('#search-results a').length").asInt();
        assertThat(results).isPositive();
        assertThat(browser.evaluate("getComputedStyle(document.querySelector('header.top')).position").asText())
                .as("the stylesheet is loaded").isEqualTo("sticky");
        assertThat(browser.errors()).isEmpty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String fileName(String url) {
        String path = URI.create(url).getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index.html" : name;
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
