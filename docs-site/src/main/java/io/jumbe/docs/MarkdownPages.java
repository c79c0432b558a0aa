package io.jumbe.docs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown page sources. Links to {@code other.md} become {@code other.html}, and a line
 * {@code <!-- tabs: name -->} becomes the code tabs of the examples called {@code name}.
 */
final class MarkdownPages {
    private static final Pattern TABS = Pattern.compile("<!--\\s*tabs:\\s*([A-Za-z0-9_-]+)\\s*-->");
    private static final Pattern LOCAL_MD = Pattern.compile("^([A-Za-z0-9_-]+)\\.md(#.*)?$");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Examples examples;
    private final CodeTabs tabs;

    MarkdownPages(Examples examples, CodeTabs tabs) {
        List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
        this.examples = examples;
        this.tabs = tabs;
    }

    Page render(String file, String markdown) {
        Node document = parser.parse(markdown);
        String[] title = {null};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                Matcher local = LOCAL_MD.matcher(link.getDestination());
                if (local.matches()) {
                    link.setDestination(local.group(1) + ".html" + (local.group(2) == null ? "" : local.group(2)));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1 && title[0] == null) {
                    StringBuilder text = new StringBuilder();
                    heading.accept(new AbstractVisitor() {
                        @Override
                        public void visit(Text t) {
                            text.append(t.getLiteral());
                        }

                        @Override
                        public void visit(org.commonmark.node.Code code) {
                            text.append(code.getLiteral());
                        }
                    });
                    title[0] = text.toString();
                }
                visitChildren(heading);
            }
        });
        if (title[0] == null) {
            throw new IllegalStateException(file + " has no '# Title' heading");
        }
        String html = renderer.render(document);
        Matcher directive = TABS.matcher(html);
        StringBuilder out = new StringBuilder();
        while (directive.find()) {
            directive.appendReplacement(out, Matcher.quoteReplacement(
                    tabs.render(directive.group(1), examples.of(directive.group(1)))));
        }
        directive.appendTail(out);
        return new Page(file, title[0], out.toString());
    }
}
