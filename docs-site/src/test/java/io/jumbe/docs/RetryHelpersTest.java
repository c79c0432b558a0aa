package io.jumbe.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry helpers on the Going live page, taken from the page as a reader copies them, each given a {@code send}
 * that makes one real HTTP attempt: against a server that is unavailable once (503 with {@code Retry-After}), each
 * retries and sends the same {@code Idempotency-Key} both times.
 */
class RetryHelpersTest {
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private HttpServer server;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            boolean first = keys.size() == 1;
            byte[] body = (first ? "{\"code\":\"service_unavailable\"}" : "{\"status\":\"queued\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (first) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(first ? 503 : 202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python", "js", "php"})
    void theHelperRetriesAnUnavailableAnswerWithTheSameIdempotencyKey(String language) throws Exception {
        String helper = block(language);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/1/sms/send";
        List<String> command = switch (language) {
            case "python" -> List.of("python3", "-W", "error", write("retry.py", helper + """

                    import json, urllib.error, urllib.request

                    def send(key):
                        request = urllib.request.Request("%s", data=json.dumps({"message": "hi"}).encode(),
                            headers={"Content-Type": "application/json", "Idempotency-Key": key}, method="POST")
                        try:
                            with urllib.request.urlopen(request, timeout=30) as answer:
                                return answer.status, answer.headers.get("Retry-After"), json.load(answer)
                        except urllib.error.HTTPError as refused:
                            with refused:
                                return refused.code, refused.headers.get("Retry-After"), json.load(refused)

                    status, body = with_retries(send)
                    print("HTTP", status, body["status"])
                    """.formatted(url)));
            case "js" -> List.of("node", write("retry.mjs", helper + """

                    const { status, body } = await withRetries(async (key) => {
                      const answer = await fetch("%s", { method: "POST", body: JSON.stringify({ message: "hi" }),
                        headers: { "Content-Type": "application/json", "Idempotency-Key": key } });
                      return { status: answer.status, retryAfter: answer.headers.get("retry-after"), body: await answer.json() };
                    });
                    console.log("HTTP", status, body.status);
                    """.formatted(url)));
            default -> List.of("php", write("retry.php", "<?php\n" + helper + """

                    [$status, $body] = withRetries(function (string $key): array {
                        $context = stream_context_create(['http' => ['method' => 'POST', 'ignore_errors' => true,
                            'header' => "Content-Type: application/json\\r\\nIdempotency-Key: $key",
                            'content' => json_encode(['message' => 'hi'])]]);
                        $answer = @file_get_contents('%s', false, $context);
                        if ($answer === false) { return [null, null, null]; }
                        [$status, $retryAfter] = [null, null];
                        foreach ($http_response_header as $line) {
                            if (preg_match('#^HTTP/\\S+ (\\d{3})#', $line, $m)) { $status = (int) $m[1]; }
                            if (stripos($line, 'Retry-After:') === 0) { $retryAfter = trim(substr($line, 12)); }
                        }
                        return [$status, $retryAfter, json_decode($answer, true)];
                    });
                    echo "HTTP $status {$body['status']}\\n";
                    """.formatted(url)));
        };
        assumeTrue(ExamplesTest.onPath(command.get(0)), command.get(0) + " is not installed");

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("HTTP 202 queued");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isNotEqualTo("null").isEqualTo(keys.get(1));
    }

    /** The page's one code block in that language, as a reader copies it. */
    private static String block(String language) throws IOException {
        String page = Files.readString(DocsModule.dir().resolve("src/site/going-live.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a " + language + " block on going-live.md").isTrue();
        String block = m.group(1);
        assertThat(m.find()).as("one " + language + " block on going-live.md").isFalse();
        return block;
    }

    private String write(String name, String code) throws IOException {
        return Files.writeString(dir.resolve(name), code, StandardCharsets.UTF_8).toString();
    }
}
