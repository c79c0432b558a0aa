package io.jumbe.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The generated site as packaged in the docs-site jar under {@value #ROOT}, for the server to serve at
 * {@code /docs/} and {@code /openapi.yaml}. Needs nothing but the jar on the classpath.
 */
public final class DocsResources {
    /** The classpath folder holding the site (no leading slash, with a trailing one). */
    public static final String ROOT = "jumbe-docs/";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "yaml", "application/yaml; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "csv", "text/csv; charset=utf-8");

    private final ClassLoader loader;

    /** Reads from the class loader that loaded this class. */
    public DocsResources() {
        this(DocsResources.class.getClassLoader());
    }

    /** @param loader the class loader holding the docs-site jar */
    public DocsResources(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The bytes of one site file.
     *
     * @param path a path relative to the site root, e.g. {@code sms.html} or {@code assets/site.css};
     *             empty for {@code index.html}
     * @return the bytes, or empty when there is no such file or the path tries to leave the site
     * @throws UncheckedIOException when the jar cannot be read
     */
    public Optional<byte[]> read(String path) {
        String relative = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        if (relative.startsWith("/") || relative.contains("..") || relative.contains("\\")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAPI document, served at {@code /openapi.yaml}. */
    public byte[] openApiYaml() {
        return read("openapi.yaml").orElseThrow(() -> new IllegalStateException("the docs-site jar has no openapi.yaml"));
    }

    /** The Content-Type for a site path, by its extension. */
    public static String contentType(String path) {
        String name = path.isEmpty() || path.endsWith("/") ? "index.html" : path;
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
