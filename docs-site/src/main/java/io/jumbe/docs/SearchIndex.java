package io.jumbe.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-side search index: one entry per page section (h1, h2, h3 with an id). Written as
 * {@code search-index.json} and as {@code search-index.js}, which a script tag can load from file:// too.
 */
final class SearchIndex {
    private static final Pattern HEADING = Pattern.compile("<h([123])[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</h\\1>", Pattern.DOTALL);
    private static final int MAX_TEXT = 600;

    /**
     * One search entry.
     *
     * @param page  the page's title
     * @param title the section's heading
     * @param url   relative link to the section
     * @param text  the section's text, shortened
     */
    record Entry(String page, String title, String url, String text) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Page page) {
        String html = page.bodyHtml();
        Matcher heading = HEADING.matcher(html);
        List<int[]> bounds = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (heading.find()) {
            bounds.add(new int[] {heading.start(), heading.end()});
            heads.add(new String[] {heading.group(1), heading.group(2), text(heading.group(3))});
        }
        if (heads.isEmpty()) {
            entries.add(new Entry(page.title(), page.title(), page.file(), shorten(text(html))));
            return;
        }
        for (int i = 0; i < heads.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : html.length();
            String body = text(html.substring(bounds.get(i)[1], end));
            String url = "1".equals(heads.get(i)[0]) ? page.file() : page.file() + "#" + heads.get(i)[1];
            entries.add(new Entry(page.title(), heads.get(i)[2], url, shorten(body)));
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    void write(Path siteDir) {
        try {
            String json = new ObjectMapper().writeValueAsString(entries);
            Files.writeString(siteDir.resolve("search-index.json"), json, StandardCharsets.UTF_8);
            // '</' would end the script element early if a page ever quoted it.
            Files.writeString(siteDir.resolve("search-index.js"),
                    "window.JUMBE_SEARCH_INDEX = " + json.replace("</", "<\\/") + ";\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String html) {
        return html.replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
