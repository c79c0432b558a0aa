package io.jumbe.docs;

import java.util.Map;

/** The HTML of a group of code tabs; site.js switches them, and without scripts every block stays readable. */
final class CodeTabs {
    private int groups;

    String render(String name, Map<Language, String> examples) {
        if (examples.isEmpty()) {
            throw new IllegalStateException("no examples named " + name);
        }
        int group = ++groups;
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"code-tabs\" data-example=\"").append(Html.escape(name)).append("\">\n");
        html.append("<div class=\"tab-list\" role=\"tablist\">");
        boolean first = true;
        for (Language language : examples.keySet()) {
            String panel = "tab-" + group + "-" + language.id();
            html.append("<button type=\"button\" role=\"tab\" class=\"tab\" data-lang=\"").append(language.id())
                    .append("\" aria-controls=\"").append(panel).append("\" aria-selected=\"").append(first)
                    .append("\">").append(Html.escape(language.label())).append("</button>");
            first = false;
        }
        html.append("</div>\n");
        first = true;
        for (Map.Entry<Language, String> example : examples.entrySet()) {
            Language language = example.getKey();
            String panel = "tab-" + group + "-" + language.id();
            html.append("<div class=\"tab-panel\" role=\"tabpanel\" id=\"").append(panel)
                    .append("\" data-lang=\"").append(language.id()).append("\"")
                    .append(first ? "" : " hidden").append(">")
                    .append("<pre><code class=\"language-").append(language.id()).append("\">")
                    .append(Html.escape(example.getValue().strip())).append("</code></pre></div>\n");
            first = false;
        }
        html.append("</div>\n");
        return html.toString();
    }
}
