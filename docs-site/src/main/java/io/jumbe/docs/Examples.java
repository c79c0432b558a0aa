package io.jumbe.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runnable example files under {@code src/examples/<language>/<name>.<extension>}.
 * An endpoint's examples are named after its {@code operationId}.
 */
public final class Examples {
    private final Path root;

    /** @param root the {@code src/examples} folder */
    public Examples(Path root) {
        this.root = root;
    }

    /** The file an example of {@code name} in {@code language} lives in, whether or not it exists. */
    public Path file(Language language, String name) {
        return root.resolve(language.id()).resolve(language.fileName(name));
    }

    /** The examples of {@code name} that exist, by language in tab order. */
    public Map<Language, String> of(String name) {
        Map<Language, String> found = new LinkedHashMap<>();
        for (Language language : Language.ALL) {
            Path file = file(language, name);
            if (Files.isRegularFile(file)) {
                try {
                    found.put(language, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return found;
    }
}
