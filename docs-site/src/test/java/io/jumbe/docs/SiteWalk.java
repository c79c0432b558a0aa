package io.jumbe.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader does with the docs site in a browser: follow every navigation link, switch code tabs, search.
 * Shared by the site's own browser test (over {@link SiteServer}) and the server's (over the real {@code /docs}).
 */
public final class SiteWalk {
    private final HeadlessChromium browser;
    private final Path screenshots;

    /**
     * @param browser     the browser to drive
     * @param screenshots the folder the walk saves its screenshots in
     */
    public SiteWalk(HeadlessChromium browser, Path screenshots) {
        this.browser = browser;
        this.screenshots = screenshots;
    }

    /**
     * What following the navigation found.
     *
     * @param pages         the navigation links followed
     * @param missingTitles pages without a {@code main h1}
     * @param broken        links (with their anchors) that lead nowhere
     */
    public record Report(List<String> pages, List<String> missingTitles, List<String> broken) {
    }

    /** The settled state of the code tabs after a switch. */
    public record Tabs(int groups, int shown, int otherHidden, String selected) {
    }

    /**
     * Opens the site, follows every link of the sidebar, screenshots each page, then checks every same-origin
     * link of those pages: pages must load and anchors must exist; other files must answer 200.
     */
    public Report followEveryNavigationLink(String siteUrl) throws Exception {
        browser.navigate(siteUrl);
        List<String> navigation = strings(browser.evaluate(
                "Array.from(document.querySelectorAll('nav.sidebar a')).map(a => a.href)"));

        Set<String> links = new LinkedHashSet<>();
        List<String> missingTitles = new ArrayList<>();
        for (String page : navigation) {
            browser.navigate(page);
            if (browser.evaluate("document.querySelector('main h1') ? document.querySelector('main h1').textContent : ''")
                    .asText().isBlank()) {
                missingTitles.add(page);
            }
            browser.screenshot(screenshots.resolve("page-" + fileName(page).replace(".html", "") + ".png"));
            links.addAll(strings(browser.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                    + ".filter(h => h.startsWith(location.origin))")));
        }

        Map<String, Set<String>> anchorsByPage = new LinkedHashMap<>();
        for (String link : links) {
            URI uri = URI.create(link);
            String page = link.replaceAll("#.*", "");
            anchorsByPage.computeIfAbsent(page, p -> new LinkedHashSet<>());
            if (uri.getFragment() != null && !uri.getFragment().isEmpty()) {
                anchorsByPage.get(page).add(uri.getFragment());
            }
        }
        List<String> broken = new ArrayList<>();
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
            int status = http.send(HttpRequest.newBuilder(URI.create(page.getKey())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                broken.add(page.getKey() + " -> " + status);
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
        return new Report(navigation, missingTitles, broken);
    }

    /** On the API reference, clicks the {@code language} tab of the send-SMS examples and reads every group's state. */
    public Tabs switchCodeTab(String siteUrl, String language) throws Exception {
        browser.navigate(siteUrl + "reference.html");
        browser.click("#sendSms ~ .code-tabs .tab[data-lang=" + language + "]");
        JsonNode state = browser.evaluate("(() => { const groups = Array.from(document.querySelectorAll('.code-tabs'));"
                + " return { groups: groups.length,"
                + " shown: groups.filter(g => !g.querySelector('.tab-panel[data-lang=" + language + "]').hidden).length,"
                + " otherHidden: groups.filter(g => g.querySelector('.tab-panel[data-lang=curl]').hidden).length,"
                + " selected: document.querySelector('#sendSms ~ .code-tabs .tab[aria-selected=true]').textContent }; })()");
        browser.screenshot(screenshots.resolve("code-tabs-" + language + ".png"));
        return new Tabs(state.get("groups").asInt(), state.get("shown").asInt(), state.get("otherHidden").asInt(),
                state.get("selected").asText());
    }

    /** Opens the site, types into the search box and returns the results' links. */
    public List<String> search(String siteUrl, String text) throws Exception {
        browser.navigate(siteUrl);
        browser.click("#search");
        browser.type(text);
        List<String> results = strings(browser.evaluate(
                "Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))"));
        browser.screenshot(screenshots.resolve("search.png"));
        return results;
    }

    /** Clicks the search result linking to {@code href} and returns where the browser landed (path and hash). */
    public String openSearchResult(String href) throws Exception {
        browser.clickAndWaitForLoad("#search-results a[href='" + href + "']");
        return browser.evaluate("location.pathname + location.hash").asText();
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
