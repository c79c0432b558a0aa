package io.jumbe.docs;

import java.util.List;

/** Wraps a page's content in the site's frame: header with search, navigation, footer. Links are all relative. */
final class Layout {
    /** One entry of the navigation. */
    record NavItem(String file, String label) {
    }

    private final List<NavItem> navigation;
    private final String version;

    Layout(List<NavItem> navigation, String version) {
        this.navigation = navigation;
        this.version = version;
    }

    String wrap(Page page) {
        StringBuilder nav = new StringBuilder();
        for (NavItem item : navigation) {
            boolean current = item.file().equals(page.file());
            nav.append("<li><a href=\"").append(item.file()).append("\"")
                    .append(current ? " class=\"current\" aria-current=\"page\"" : "").append(">")
                    .append(Html.escape(item.label())).append("</a></li>\n");
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Jumbe docs</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="assets/site.css">
                </head>
                <body>
                <header class="top">
                <a class="brand" href="index.html">Jumbe <span>docs</span></a>
                <div class="search" role="search">
                <input type="search" id="search" placeholder="Search the docs" aria-label="Search the docs" autocomplete="off">
                <ul id="search-results" hidden></ul>
                </div>
                </header>
                <div class="layout">
                <nav class="sidebar" aria-label="Pages">
                <ul>
                %s</ul>
                </nav>
                <main class="content">
                %s
                </main>
                </div>
                <footer class="bottom">Jumbe %s · <a href="openapi.yaml">openapi.yaml</a> · <a href="changelog.html">Changelog</a></footer>
                <script src="search-index.js"></script>
                <script src="assets/site.js"></script>
                </body>
                </html>
                """.formatted(Html.escape(page.title()), nav, page.bodyHtml(), Html.escape(version));
    }
}
