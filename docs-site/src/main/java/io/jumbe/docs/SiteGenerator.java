package io.jumbe.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the static docs site from the Markdown pages under {@code src/site}, the examples under
 * {@code src/examples}, {@code openapi.yaml} and {@code api-changelog.md} (the API changelog, beside it).
 *
 * <p>Run by the build ({@code exec-maven-plugin}, phase {@code process-classes}) as
 * {@code SiteGenerator <docs-site module dir> <output dir>}. Every link in the output is relative, so the
 * site works from {@code file://} and under any path prefix such as {@code /docs/}.
 */
public final class SiteGenerator {
    /** The guide pages in navigation order: source file under {@code src/site}, output file, navigation label. */
    static final List<String[]> GUIDES = List.of(
            new String[] {"index.md", "index.html", "Getting started"},
            new String[] {"authentication.md", "authentication.html", "Authentication and API keys"},
            new String[] {"sms.md", "sms.html", "SMS"},
            new String[] {"whatsapp.md", "whatsapp.html", "WhatsApp"},
            new String[] {"wallet.md", "wallet.html", "Wallet and top-ups"},
            new String[] {"webhooks.md", "webhooks.html", "Webhooks"},
            new String[] {"notifications.md", "notifications.html", "Email notifications"},
            new String[] {"signup.md", "signup.html", "Sign-up"},
            new String[] {"contacts.md", "contacts.html", "Contacts and campaigns"},
            new String[] {"errors.md", "errors.html", "Errors"},
            new String[] {"test-numbers.md", "test-numbers.html", "Test numbers"},
            new String[] {"test-mode.md", "test-mode.html", "Test mode"},
            new String[] {"analytics.md", "analytics.html", "Analytics"},
            new String[] {"java-sdk.md", "java-sdk.html", "Java SDK"},
            new String[] {"going-live.md", "going-live.html", "Going live"},
            new String[] {"deprecation-policy.md", "deprecation-policy.html", "Deprecation policy"});

    private final Path moduleDir;
    private final Path outDir;

    /**
     * @param moduleDir the {@code docs-site} module folder (holding {@code openapi.yaml} and {@code src/})
     * @param outDir    where to write the site; emptied first
     */
    public SiteGenerator(Path moduleDir, Path outDir) {
        this.moduleDir = moduleDir;
        this.outDir = outDir;
    }

    /**
     * Writes the whole site.
     *
     * @return the pages written, in navigation order
     * @throws UncheckedIOException when a source cannot be read or the output written
     * @throws IllegalStateException when a page has no title or an endpoint has no examples
     */
    public List<Page> generate() {
        try {
            deleteRecursively(outDir);
            Files.createDirectories(outDir);
            Examples examples = new Examples(moduleDir.resolve("src/examples"));
            CodeTabs tabs = new CodeTabs();
            MarkdownPages markdown = new MarkdownPages(examples, tabs);
            OpenApiDocument document = OpenApiDocument.read(moduleDir.resolve("openapi.yaml"));

            List<Page> pages = new ArrayList<>();
            List<Layout.NavItem> navigation = new ArrayList<>();
            for (String[] guide : GUIDES) {
                pages.add(markdown.render(guide[1], read(moduleDir.resolve("src/site").resolve(guide[0]))));
                navigation.add(new Layout.NavItem(guide[1], guide[2]));
            }
            pages.add(new ApiReference(document, examples, tabs).render());
            navigation.add(new Layout.NavItem("reference.html", "API reference"));
            pages.add(markdown.render("changelog.html", read(moduleDir.resolve("api-changelog.md"))));
            navigation.add(new Layout.NavItem("changelog.html", "Changelog"));

            Layout layout = new Layout(navigation, document.root().path("info").path("version").asText());
            SearchIndex index = new SearchIndex();
            for (Page page : pages) {
                Files.writeString(outDir.resolve(page.file()), layout.wrap(page), StandardCharsets.UTF_8);
                index.add(page);
            }
            index.write(outDir);
            copyTree(moduleDir.resolve("src/site/assets"), outDir.resolve("assets"));
            Files.copy(moduleDir.resolve("openapi.yaml"), outDir.resolve("openapi.yaml"), StandardCopyOption.REPLACE_EXISTING);
            // read by the server, which answers these operations with Deprecation and Sunset headers
            Files.writeString(outDir.resolve(Deprecations.FILE), Deprecations.of(document).toJson(), StandardCharsets.UTF_8);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Command-line entry point used by the build.
     *
     * @param args the module folder and the output folder
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SiteGenerator <docs-site dir> <output dir>");
            System.exit(2);
        }
        List<Page> pages = new SiteGenerator(Path.of(args[0]), Path.of(args[1])).generate();
        System.out.println("docs site: " + pages.size() + " pages written to " + args[1]);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
