package io.jumbe.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the build deployed sdk-java to a file repository under target/ with the same deploy plugin the
 * release profile uses (see the pom), and checks what a release would publish.
 */
class ReleaseLayoutIT {
    private final Path dir = Path.of(System.getProperty("deploy.check.repo"), "io", "jumbe", "sdk-java",
            System.getProperty("project.version"));

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    private Path newest(String suffix, String notSuffix) throws IOException {
        return files().stream()
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .filter(p -> notSuffix == null || !p.getFileName().toString().endsWith(notSuffix))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no *" + suffix + " in " + dir));
    }

    private Path mainJar() throws IOException {
        return files().stream().filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                .filter(p -> !p.getFileName().toString().endsWith("-javadoc.jar"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no main jar in " + dir));
    }

    @Test
    void publishesTheJarPomSourcesAndJavadocEachWithChecksums() throws Exception {
        Path jar = mainJar();
        for (Path artifact : List.of(jar, newest(".pom", null), newest("-sources.jar", null),
                newest("-javadoc.jar", null))) {
            assertChecksum(artifact, "SHA-1", ".sha1");
            assertChecksum(artifact, "MD5", ".md5");
        }
    }

    @Test
    void theJarNamesItsAutomaticModule() throws Exception {
        try (JarFile f = new JarFile(mainJar().toFile())) {
            assertThat(f.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.jumbe.sdk");
            assertThat(f.getEntry("io/jumbe/sdk/JumbeClient.class")).isNotNull();
        }
    }

    @Test
    void theSourcesAndJavadocJarsHoldWhatTheirNamesSay() throws Exception {
        try (JarFile sources = new JarFile(newest("-sources.jar", null).toFile());
             JarFile javadoc = new JarFile(newest("-javadoc.jar", null).toFile())) {
            assertThat(sources.getEntry("io/jumbe/sdk/JumbeClient.java")).isNotNull();
            assertThat(javadoc.getEntry("io/jumbe/sdk/JumbeClient.html")).isNotNull();
        }
    }

    private static void assertChecksum(Path artifact, String algorithm, String extension) throws Exception {
        Path sum = artifact.resolveSibling(artifact.getFileName() + extension);
        assertThat(sum).as("checksum of " + artifact.getFileName()).exists();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(artifact)));
        assertThat(Files.readString(sum).trim()).startsWith(expected);
    }
}
