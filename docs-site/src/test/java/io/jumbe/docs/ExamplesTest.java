package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    private static final Path EXAMPLES = DocsModule.dir().resolve("src/examples");
    private static final Examples FILES = new Examples(EXAMPLES);

    @Test
    void everyEndpointHasExamplesInAllFiveLanguages() {
        List<String> missing = new ArrayList<>();
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            for (Language language : Language.ALL) {
                if (!Files.isRegularFile(FILES.file(language, op.operationId()))) {
                    missing.add(EXAMPLES.relativize(FILES.file(language, op.operationId())).toString());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void webhookVerificationIsShownInPhpPythonNodeAndJavaWithTheirOwnHmac() throws IOException {
        assertThat(read("php/verifyWebhook.php")).contains("hash_hmac", "hash_equals", "standard-webhooks/standard-webhooks");
        assertThat(read("python/verifyWebhook.py")).contains("import hmac", "compare_digest", "standardwebhooks");
        assertThat(read("node/verifyWebhook.mjs")).contains("node:crypto", "timingSafeEqual", "standardwebhooks");
        assertThat(read("java/VerifyWebhook.java")).contains("javax.crypto.Mac", "MessageDigest.isEqual",
                "io.jumbe.sdk.webhooks.Webhook", "com.standardwebhooks");
    }

    @Test
    void tenantExamplesReadTheirSettingsFromTheEnvironment() throws IOException {
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            boolean tenant = op.path().startsWith("/api/{client_id}/");
            for (Language language : Language.ALL) {
                String code = Files.readString(FILES.file(language, op.operationId()), StandardCharsets.UTF_8);
                assertThat(code).as(language.id() + " " + op.operationId()).contains("JUMBE_BASE_URL");
                if (tenant) {
                    assertThat(code).as(language.id() + " " + op.operationId()).contains("JUMBE_CLIENT_ID", "JUMBE_API_KEY");
                }
            }
        }
    }

    /** The env var an example reads its path id from (an id an earlier step gave), or null. */
    static String idVariable(OpenApiDocument.Operation op) {
        for (String id : List.of("message_id", "transaction_id", "delivery_id")) {
            if (op.path().contains("{" + id + "}")) {
                return id.toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** The rules of docs-site/README.md "Examples that run where they are pasted", for every example file. */
    @Test
    void examplesFollowTheCopyAndPasteRules() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files("curl", ".sh")) {
            if (Files.readString(file).lines().anyMatch(l -> l.strip().matches("set\\s+-[a-z]*e.*"))) {
                broken.add(file.getFileName() + ": shows set -e (closes the reader's interactive shell at the next failure)");
            }
        }
        for (Path file : files("python", ".py")) {
            String code = Files.readString(file);
            if (code.matches("(?s).*\\w\\s*\\|\\s*None\\b.*") || code.contains(".removeprefix(") || code.contains(".removesuffix(")) {
                broken.add(file.getFileName() + ": needs Python 3.10 (X | None) or 3.9's removeprefix");
            }
            if (!code.lines().limit(3).anyMatch(l -> l.contains("Python 3.9+"))) {
                broken.add(file.getFileName() + ": does not say \"Python 3.9+\" at the top");
            }
        }
        for (Path file : files("node", ".mjs")) {
            String code = Files.readString(file);
            if (!code.lines().findFirst().orElse("").contains("ES module")) {
                broken.add(file.getFileName() + ": first line does not say it is an ES module (.mjs, Node.js 20+)");
            }
            if (code.contains("require(")) {
                broken.add(file.getFileName() + ": uses require() in an ES module");
            }
        }
        for (Path file : files("php", ".php")) {
            if (!Files.readString(file).lines().limit(3).anyMatch(l -> l.matches(".*PHP \\d+\\.\\d+\\+.*"))) {
                broken.add(file.getFileName() + ": does not state its minimum PHP version (\"PHP 8.0+\")");
            }
        }
        for (OpenApiDocument.Operation op : OpenApiDocument.read(DocsModule.openApi()).operations()) {
            String variable = idVariable(op);
            for (Language language : Language.ALL) {
                Path file = FILES.file(language, op.operationId());
                if (variable != null && !language.id().equals("java") && Files.isRegularFile(file)
                        && !Files.readString(file).contains("export " + variable + "=")) {
                    broken.add(file.getFileName() + ": does not show the export " + variable + "=... line");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void shellExamplesAreValidBash() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        for (Path file : files("curl", ".sh")) {
            assertSucceeds(List.of("bash", "-n", file.toString()));
        }
    }

    @Test
    void pythonExamplesCompile() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        // One interpreter for all files: starting python3 once per file is slow behind version managers.
        // feature_version: the grammar of Python 3.9, the oldest the pages promise.
        String program = "import ast, sys\nfor f in sys.argv[1:]:\n"
                + "    ast.parse(open(f, encoding='utf-8').read(), f, feature_version=(3, 9))\n";
        List<String> command = new ArrayList<>(List.of("python3", "-c", program));
        files("python", ".py").forEach(f -> command.add(f.toString()));
        assertSucceeds(command);
    }

    @Test
    void nodeExamplesPassSyntaxCheck() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        for (Path file : files("node", ".mjs")) {
            assertSucceeds(List.of("node", "--check", file.toString()));
        }
    }

    @Test
    void phpExamplesPassLint() throws Exception {
        assumeTrue(onPath("php"), "php is not installed");
        for (Path file : files("php", ".php")) {
            assertSucceeds(List.of("php", "-l", file.toString()));
        }
    }

    @Test
    void pythonWebhookVerifierAcceptsTheStandardWebhooksTestVector() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");
        assertThat(output(List.of("python3", EXAMPLES.resolve("python/verifyWebhook.py").toString()))).startsWith("verified");
    }

    @Test
    void nodeWebhookVerifierAcceptsTheStandardWebhooksTestVector() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        assertThat(output(List.of("node", EXAMPLES.resolve("node/verifyWebhook.mjs").toString()))).startsWith("verified");
    }

    @Test
    void phpWebhookVerifierAcceptsTheStandardWebhooksTestVector() throws Exception {
        assumeTrue(onPath("php"), "php is not installed");
        assertThat(output(List.of("php", EXAMPLES.resolve("php/verifyWebhook.php").toString()))).startsWith("verified");
    }

    @Test
    void javaWebhookVerifierAcceptsTheStandardWebhooksTestVector() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Single-file source launch: the example needs nothing but the JDK.
        assertThat(output(List.of(java.toString(), EXAMPLES.resolve("java/VerifyWebhook.java").toString())))
                .startsWith("verified");
    }

    /**
     * The Java receiver of "Receiving webhooks on your machine", started with the SDK as a reader would, takes a
     * delivery signed the way the platform signs it (the SDK's {@code Webhook.sign}), answers 204 and refuses a
     * forged one. (platform-server does not depend on the SDK; its test sends real deliveries to the others.)
     */
    @Test
    void javaReceiverVerifiesASignedDeliveryAndAnswers2xx() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "-cp", classpath,
                EXAMPLES.resolve("java/ReceiveWebhook.java").toString()).redirectErrorStream(true);
        builder.environment().put("JUMBE_WEBHOOK_SECRET", secret);
        builder.environment().put("PORT", Integer.toString(port));
        Process receiver = builder.start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).startsWith("listening on");
            byte[] body = ("{\"event\":\"webhook.test\",\"client_id\":2,\"timestamp\":\"2025-10-09T14:35:09Z\","
                    + "\"sequence\":7,\"data\":{\"message\":\"hello\"}}").getBytes(StandardCharsets.UTF_8);
            long now = java.time.Instant.now().getEpochSecond();
            String signature = new io.jumbe.sdk.webhooks.Webhook(secret).sign("msg_receiver_1", now, body);
            var http = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/"))
                    .header("webhook-id", "msg_receiver_1").header("webhook-timestamp", Long.toString(now))
                    .header("Content-Type", "application/json");

            var signed = http.send(request.copy().header("webhook-signature", signature)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            var forged = http.send(request.copy().header("webhook-signature", "v1,Zm9yZ2Vk")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());

            assertThat(signed.statusCode()).isEqualTo(204);
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(lines.readLine()).isEqualTo("verified webhook.test msg_receiver_1 sequence 7");
        } finally {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyJavaExampleCompilesAgainstTheSdk(@org.junit.jupiter.api.io.TempDir Path classes) throws IOException {
        List<String> sources = files("java", ".java").stream().map(Path::toString).toList();
        javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "no Java compiler in this runtime");
        // Surefire runs tests from a manifest-only jar, so java.class.path alone would not name sdk-java.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classpath).as("sdk-java is a test dependency").contains("sdk-java");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath,
                "-Xlint:none", "-proc:none"));
        arguments.addAll(sources);

        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).isEqualTo(0);
    }

    private static String read(String relative) throws IOException {
        return Files.readString(EXAMPLES.resolve(relative), StandardCharsets.UTF_8);
    }

    private static List<Path> files(String language, String extension) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(language))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code command} and expects exit 0; a failure's message carries the command and what it printed. */
    private static void assertSucceeds(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isEqualTo(0);
    }

    private static String output(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isEqualTo(0);
        return out;
    }
}
