package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens the generated site in headless Chromium under /docs/ (and from file://) the way a reader would. */
class DocsSiteInBrowserTest {
    private static final Path SCREENSHOTS = DocsModule.dir().resolve("target/screenshots");

    private static Path site;
    private static SiteServer server;
    private static HeadlessChromium browser;
    private static SiteWalk walk;

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
        walk = new SiteWalk(browser, SCREENSHOTS);
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
        SiteWalk.Report report = walk.followEveryNavigationLink(server.baseUrl());

        assertThat(report.pages()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.missingTitles()).isEmpty();
        assertThat(report.broken()).isEmpty();
        assertThat(server.notFound()).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void switchingACodeTabShowsThatLanguageInEveryGroup() throws Exception {
        SiteWalk.Tabs tabs = walk.switchCodeTab(server.baseUrl(), "python");

        assertThat(tabs.selected()).isEqualTo("Python");
        assertThat(tabs.shown()).isEqualTo(tabs.groups());
        assertThat(tabs.otherHidden()).isEqualTo(tabs.groups());
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void searchFindsTheErrorEntryAndOpensIt() throws Exception {
        assertThat(walk.search(server.baseUrl(), "insufficient balance")).contains("errors.html#insufficient_balance");

        assertThat(walk.openSearchResult("errors.html#insufficient_balance"))
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
}
