package io.jumbe.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the docs-site module lives, whether tests run from the module (Maven) or the repository root (an IDE). */
public final class DocsModule {
    private DocsModule() {
    }

    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(here.resolve("openapi.yaml"))) {
            return here;
        }
        // from the repository root (an IDE) or from a sibling module (platform-server's contract tests)
        Path nested = Files.isRegularFile(here.resolve("docs-site/openapi.yaml")) ? here.resolve("docs-site")
                : here.resolveSibling("docs-site");
        if (Files.isRegularFile(nested.resolve("openapi.yaml"))) {
            return nested;
        }
        throw new IllegalStateException("cannot find docs-site/openapi.yaml from " + here);
    }

    public static Path openApi() {
        return dir().resolve("openapi.yaml");
    }
}
