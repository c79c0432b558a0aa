package io.jumbe.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the docs-site module lives, whether tests run from the module (Maven) or the repository root (an IDE). */
final class DocsModule {
    private DocsModule() {
    }

    static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(here.resolve("openapi.yaml"))) {
            return here;
        }
        Path nested = here.resolve("docs-site");
        if (Files.isRegularFile(nested.resolve("openapi.yaml"))) {
            return nested;
        }
        throw new IllegalStateException("cannot find docs-site/openapi.yaml from " + here);
    }

    static Path openApi() {
        return dir().resolve("openapi.yaml");
    }
}
