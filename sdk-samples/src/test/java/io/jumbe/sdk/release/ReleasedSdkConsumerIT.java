package io.jumbe.sdk.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.jumbe.sdk.realserver.InProcessServer;
import io.jumbe.server.testing.Sender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Publishes the SDK with the documented release command into a file repository, then builds a CRM's Maven project
 * that declares only {@code io.jumbe:sdk-java} against it and runs it against the real server.
 *
 * <p>The release runs in a copy of the source tree (root and module POMs, sdk-java's sources) so it starts as a
 * fresh clone would and never writes into this build's own {@code target/} directories. Every forked build uses a
 * local repository of its own that holds no {@code io.jumbe} artifact: its third-party entries are links into this
 * build's local repository (Maven 3.8 has no tail repository), so OkHttp and the plugins need no download, while
 * the SDK can only come from the published repository and nothing of ours lands in the shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasedSdkConsumerIT {
    private static final long FORK_MINUTES = 10;

    private final Path root = Path.of(System.getProperty("jumbe.root")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("jumbe.release.work")).toAbsolutePath().normalize();
    private final Path buildLocalRepo = Path.of(System.getProperty("jumbe.local.repo")).toAbsolutePath().normalize();
    private final Path mvn = Path.of(System.getProperty("jumbe.maven.home"), "bin", "mvn");
    /** The version a release of this build would carry: the project version without -SNAPSHOT. */
    private final String version = System.getProperty("jumbe.project.version").replace("-SNAPSHOT", "");

    private final Path clone = work.resolve("clone");
    private final Path repo = work.resolve("published");
    private Path published;
    private Path localRepo;

    @BeforeAll
    void release() throws Exception {
        deleteTree(work);
        copySourceTree();
        localRepo = localRepoWithoutJumbe();
        Fork fork = run(clone, "release", mvn.toString(), "-B", "-pl", "sdk-java", "-am", "-Prelease", "deploy",
                "-Drevision=" + version, "-Drelease.repo.url=" + repo.toUri(),
                // the SDK's tests have just run in this build
                "-DskipTests");
        assertThat(fork.exit).as(fork.output).isZero();
        published = repo.resolve(Path.of("io", "jumbe", "sdk-java", version));
    }

    @Test
    void publishesOnlyTheSdkJarPomSourcesAndJavadocEachWithChecksums() throws Exception {
        String base = "sdk-java-" + version;
        List<String> artifacts = List.of(base + ".jar", base + ".pom", base + "-sources.jar", base + "-javadoc.jar");
        List<String> expected = new ArrayList<>();
        for (String a : artifacts) {
            expected.addAll(List.of(a, a + ".md5", a + ".sha1"));
            assertChecksum(published.resolve(a), "SHA-1", ".sha1");
            assertChecksum(published.resolve(a), "MD5", ".md5");
        }
        // no jumbe-parent, no server module, and no .asc: no key was named, so nothing is signed
        assertThat(filesUnder(repo.resolve("io/jumbe")).stream().filter(p -> p.startsWith(published)))
                .map(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(filesUnder(repo)).allMatch(p -> p.startsWith(repo.resolve("io/jumbe/sdk-java")), "only sdk-java");
    }

    @Test
    void theJarsHoldWhatTheirNamesSay() throws Exception {
        String base = "sdk-java-" + version;
        try (JarFile jar = new JarFile(published.resolve(base + ".jar").toFile());
             JarFile sources = new JarFile(published.resolve(base + "-sources.jar").toFile());
             JarFile javadoc = new JarFile(published.resolve(base + "-javadoc.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.jumbe.sdk");
            assertThat(jar.getEntry("io/jumbe/sdk/JumbeClient.class")).isNotNull();
            assertThat(new String(jar.getInputStream(jar.getEntry("io/jumbe/sdk/sdk.properties")).readAllBytes(),
                    StandardCharsets.ISO_8859_1)).contains("version=" + version);
            assertThat(sources.getEntry("io/jumbe/sdk/JumbeClient.java")).isNotNull();
            assertThat(javadoc.getEntry("io/jumbe/sdk/JumbeClient.html")).isNotNull();
        }
    }

    @Test
    void thePublishedPomStandsAloneWithTheMetadataMavenCentralRequires() throws Exception {
        Element pom = parse(published.resolve("sdk-java-" + version + ".pom"));

        assertThat(children(pom, "parent")).as("no parent").isEmpty();
        assertThat(text(pom, "groupId")).isEqualTo("io.jumbe");
        assertThat(text(pom, "artifactId")).isEqualTo("sdk-java");
        assertThat(text(pom, "version")).isEqualTo(version);
        for (String required : List.of("name", "description", "url")) {
            assertThat(text(pom, required)).as(required).isNotBlank();
        }
        Element license = only(only(pom, "licenses"), "license");
        assertThat(text(license, "name")).isNotBlank();
        assertThat(text(license, "url")).startsWith("https://");
        assertThat(text(only(only(pom, "developers"), "developer"), "name")).isNotBlank();
        Element scm = only(pom, "scm");
        for (String required : List.of("connection", "developerConnection", "url")) {
            assertThat(text(scm, required)).as("scm " + required).isNotBlank();
        }
        assertThat(Files.readString(published.resolve("sdk-java-" + version + ".pom"))).doesNotContain("${")
                .doesNotContain("SNAPSHOT").doesNotContain("<repositories>").doesNotContain("<build>");
    }

    @Test
    void thePublishedPomDependsOnExactlyWhatTheSdkDeclaresEachWithVersionAndScope() throws Exception {
        Map<String, Element> publishedDeps = dependencies(parse(published.resolve("sdk-java-" + version + ".pom")));
        List<String> declared = dependencies(parse(root.resolve("sdk-java/pom.xml"))).entrySet().stream()
                .filter(e -> !"test".equals(text(e.getValue(), "scope")))
                .map(Map.Entry::getKey).collect(Collectors.toList());

        assertThat(publishedDeps.keySet()).containsExactlyElementsOf(declared);
        // OkHttp, Retrofit and Moshi are Square's; nothing of the server, no test library
        assertThat(publishedDeps.keySet()).isNotEmpty().allMatch(ga -> ga.startsWith("com.squareup."));
        assertThat(publishedDeps.keySet()).anyMatch(ga -> ga.startsWith("com.squareup.okhttp3:"))
                .anyMatch(ga -> ga.startsWith("com.squareup.retrofit2:"))
                .anyMatch(ga -> ga.startsWith("com.squareup.moshi:"));
        publishedDeps.forEach((ga, dep) -> {
            assertThat(text(dep, "version")).as(ga + " version").matches("\\d+(\\.\\d+)*");
            assertThat(text(dep, "scope")).as(ga + " scope").isIn("compile", "runtime");
        });
    }

    @Test
    void thePublishedPomDependsOnOkHttpRetrofitAndMoshiOnlyAtTheBuildsVersions() throws Exception {
        Map<String, Element> publishedDeps = dependencies(parse(published.resolve("sdk-java-" + version + ".pom")));
        Element properties = only(parse(root.resolve("pom.xml")), "properties");
        Map<String, String> expected = Map.of(
                // the HTTP client; OkHttp 5's JVM artifact, the one Maven resolves without Gradle's metadata
                "com.squareup.okhttp3:okhttp-jvm", text(properties, "okhttp.version"),
                // the endpoints are Retrofit service interfaces
                "com.squareup.retrofit2:retrofit", text(properties, "retrofit.version"),
                // JSON, through the SDK's own small Retrofit converter (so no converter-moshi)
                "com.squareup.moshi:moshi", text(properties, "moshi.version"),
                // EnumJsonAdapter: an enum value a newer server adds reads as UNKNOWN instead of failing
                "com.squareup.moshi:moshi-adapters", text(properties, "moshi.version"));

        assertThat(publishedDeps.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((ga, v) -> {
            assertThat(text(publishedDeps.get(ga), "version")).as(ga + " version").isEqualTo(v);
            assertThat(text(publishedDeps.get(ga), "scope")).as(ga + " scope").isEqualTo("compile");
        });
        // Retrofit's own POM asks for OkHttp 4 as "okhttp": a consumer must not get it beside okhttp-jvm 5
        Element exclusion = only(only(publishedDeps.get("com.squareup.retrofit2:retrofit"), "exclusions"), "exclusion");
        assertThat(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"))
                .isEqualTo("com.squareup.okhttp3:okhttp");
    }

    @Test
    void aCrmProjectDependingOnlyOnThePublishedSdkSendsAnSmsAndVerifiesItsWebhook() throws Exception {
        Path project = work.resolve("crm");
        copyTree(root.resolve("sdk-samples/src/it/sdk-consumer"), project);
        assertThat(localRepo.resolve("io/jumbe/sdk-java/" + version)).as("the release installs nothing").doesNotExist();

        try (InProcessServer server = InProcessServer.start()) {
            Sender sender = server.sender("10.00");
            Fork fork = run(project, "crm", mvn.toString(), "-B", "compile", "exec:exec",
                    "-Djumbe.repo.url=" + repo.toUri(), "-Djumbe.sdk.version=" + version,
                    "-Dconsumer.java=" + Path.of(System.getProperty("java.home"), "bin", "java"),
                    "-Djumbe.base.url=" + server.baseUrl(), "-Djumbe.client.id=" + sender.clientId(),
                    "-Djumbe.api.key=" + sender.apiKey());

            assertThat(fork.exit).as(fork.output).isZero();
            assertThat(fork.output).contains("CRM sdk version " + version)
                    .containsPattern("CRM sent (\\S+) to 254712345678 status \\w+")
                    .containsPattern("CRM verified message\\.sent for \\S+");
            String sentId = fork.output.replaceAll("(?s).*CRM sent (\\S+) .*", "$1");
            assertThat(fork.output).contains("CRM verified message.sent for " + sentId);
        }
        // the SDK came from the published repository, into the consumer's own local repository
        assertThat(localRepo.resolve("io/jumbe/sdk-java/" + version + "/sdk-java-" + version + ".jar")).exists();
        assertThat(Files.readString(localRepo.resolve("io/jumbe/sdk-java/" + version + "/_remote.repositories")))
                .contains(">jumbe=");
    }

    @Test
    void theReleaseCommandRefusesASnapshotVersion() throws Exception {
        Fork fork = run(clone, "snapshot", mvn.toString(), "-B", "-pl", "sdk-java", "-am", "-Prelease", "deploy",
                "-Drevision=" + version + "-SNAPSHOT", "-Drelease.repo.url=" + work.resolve("never").toUri());

        assertThat(fork.exit).as(fork.output).isNotZero();
        assertThat(fork.output).contains("no -SNAPSHOT");
        assertThat(work.resolve("never")).doesNotExist();
    }

    // --- forks ---------------------------------------------------------------------------------------------------

    private record Fork(int exit, String output) {
    }

    private Fork run(Path dir, String name, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.add("-Dmaven.repo.local=" + localRepo);
        Path log = work.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the fork finds its own project root from its working directory
        pb.environment().remove("MAVEN_BASEDIR");
        pb.environment().remove("MAVEN_PROJECTBASEDIR");
        Process p = pb.start();
        if (!p.waitFor(FORK_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + FORK_MINUTES + " minutes; see " + log);
        }
        return new Fork(p.exitValue(), Files.readString(log));
    }

    /** Root and module POMs, any .mvn directory, and all of sdk-java except its build output. */
    private void copySourceTree() throws IOException {
        Files.createDirectories(clone);
        Files.copy(root.resolve("pom.xml"), clone.resolve("pom.xml"));
        if (Files.isDirectory(root.resolve(".mvn"))) {
            copyTree(root.resolve(".mvn"), clone.resolve(".mvn"));
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path module : dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).collect(Collectors.toList())) {
                Path to = clone.resolve(module.getFileName().toString());
                Files.createDirectories(to);
                Files.copy(module.resolve("pom.xml"), to.resolve("pom.xml"));
            }
        }
        copyTree(root.resolve("sdk-java/src"), clone.resolve("sdk-java/src"));
    }

    /**
     * A fresh local repository in which every top-level entry of the build's own one is a link, except
     * {@code io/jumbe}: downloads of third-party artifacts still land in the shared cache, the SDK cannot.
     */
    private Path localRepoWithoutJumbe() throws IOException {
        Path local = work.resolve("local-repo");
        Files.createDirectories(local.resolve("io"));
        try (Stream<Path> top = Files.list(buildLocalRepo)) {
            for (Path p : top.collect(Collectors.toList())) {
                if (!p.getFileName().toString().equals("io")) {
                    Files.createSymbolicLink(local.resolve(p.getFileName().toString()), p);
                }
            }
        }
        if (Files.isDirectory(buildLocalRepo.resolve("io"))) {
            try (Stream<Path> io = Files.list(buildLocalRepo.resolve("io"))) {
                for (Path p : io.collect(Collectors.toList())) {
                    if (!p.getFileName().toString().equals("jumbe")) {
                        Files.createSymbolicLink(local.resolve("io").resolve(p.getFileName().toString()), p);
                    }
                }
            }
        }
        assertThat(local.resolve("io/jumbe")).doesNotExist();
        return local;
    }

    // --- files and POMs ------------------------------------------------------------------------------------------

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            // links are deleted, never followed: the consumer's local repository links into the shared one
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    private static void assertChecksum(Path artifact, String algorithm, String extension) throws Exception {
        Path sum = artifact.resolveSibling(artifact.getFileName() + extension);
        assertThat(sum).as("checksum of " + artifact.getFileName()).exists();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(artifact)));
        assertThat(Files.readString(sum).trim()).startsWith(expected);
    }

    private static Element parse(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return doc.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getTagName() + ">").hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    /** groupId:artifactId to the {@code <dependency>} element, in the POM's order. */
    private static Map<String, Element> dependencies(Element pom) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element deps : children(pom, "dependencies")) {
            for (Element d : children(deps, "dependency")) {
                out.put(text(d, "groupId") + ":" + text(d, "artifactId"), d);
            }
        }
        return out;
    }
}
