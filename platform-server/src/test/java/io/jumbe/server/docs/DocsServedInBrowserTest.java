package io.jumbe.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jumbe.core.testing.TestDatabases;
import io.jumbe.docs.HeadlessChromium;
import io.jumbe.docs.SiteWalk;
import io.jumbe.server.testing.TestApp;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reader in headless Chromium on {@code /docs} as the real server serves it: navigation, code tabs, search. */
class DocsServedInBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "served-docs");

    private static TestApp app;
    private static HeadlessChromium browser;
    private static SiteWalk walk;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        assumeTrue(chromium.isPresent(), "no Chromium installed (apt-get install chromium); .ci/run installs it");
        app = TestApp.start(TestDatabases.h2());
        browser = new HeadlessChromium(chromium.get());
        walk = new SiteWalk(browser, SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void docsWithoutTheSlashLandsOnGettingStarted() throws Exception {
        browser.navigate(app.baseUrl() + "/docs");

        assertThat(browser.evaluate("location.pathname").asText()).isEqualTo("/docs/");
        assertThat(browser.evaluate("document.querySelector('main h1').textContent").asText()).contains("Getting started");
        assertThat(browser.evaluate("getComputedStyle(document.querySelector('header.top')).position").asText())
                .as("the stylesheet is served").isEqualTo("sticky");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void followsEveryNavigationLinkAndFindsNoBrokenLinkAndNoConsoleError() throws Exception {
        SiteWalk.Report report = walk.followEveryNavigationLink(app.baseUrl() + "/docs/");

        assertThat(report.pages()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.missingTitles()).isEmpty();
        assertThat(report.broken()).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void switchingACodeTabShowsThatLanguageInEveryGroup() throws Exception {
        SiteWalk.Tabs tabs = walk.switchCodeTab(app.baseUrl() + "/docs/", "node");

        assertThat(tabs.selected()).isEqualTo("Node.js");
        assertThat(tabs.shown()).isEqualTo(tabs.groups());
        assertThat(tabs.otherHidden()).isEqualTo(tabs.groups());
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void searchFindsTheErrorEntryAndOpensIt() throws Exception {
        assertThat(walk.search(app.baseUrl() + "/docs/", "rate limited")).contains("errors.html#rate_limited");

        assertThat(walk.openSearchResult("errors.html#rate_limited")).isEqualTo("/docs/errors.html#rate_limited");
        assertThat(browser.errors()).isEmpty();
    }
}
