package io.jumbe.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket from java.net.http), with one
 * page. Collects console errors, uncaught exceptions and failed resource loads as they happen.
 * Small on purpose: navigate, evaluate, click, type, screenshot.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));
    private static final long WAIT_SECONDS = 30;

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path userDataDir;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private record Waiter(String method, CompletableFuture<JsonNode> future) {
    }

    /** The Chromium binary, when one is installed. */
    public static Optional<Path> binary() {
        String configured = System.getenv("CHROMIUM_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    public HeadlessChromium(Path binary) throws Exception {
        userDataDir = Files.createTempDirectory("jumbe-chromium");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--remote-allow-origins=*", "--remote-debugging-port=0",
                "--user-data-dir=" + userDataDir, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int port = debuggingPort();
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        for (JsonNode target : json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            if ("page".equals(target.path("type").asText())) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageSocket == null) {
            throw new IllegalStateException("Chromium opened no page");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        send("Page.enable", null);
        send("Runtime.enable", null);
        send("Log.enable", null);
        ObjectNode metrics = json.createObjectNode().put("width", 1280).put("height", 900)
                .put("deviceScaleFactor", 1).put("mobile", false);
        send("Emulation.setDeviceMetricsOverride", metrics);
    }

    /** Reads "DevTools listening on ws://127.0.0.1:PORT/..." from Chromium's stderr, then keeps draining it. */
    private int debuggingPort() throws IOException {
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stderr.readLine()) != null) {
            int at = line.indexOf("ws://127.0.0.1:");
            if (at >= 0) {
                String rest = line.substring(at + "ws://127.0.0.1:".length());
                int port = Integer.parseInt(rest.substring(0, rest.indexOf('/')));
                Thread drain = new Thread(() -> {
                    try {
                        while (stderr.readLine() != null) {
                            // Chromium's own diagnostics are not the page's console; they are dropped.
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new IllegalStateException("Chromium exited before opening its debugging port");
    }

    /** Sends one command and waits for its result. */
    public JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        synchronized (socket) {
            socket.sendText(json.writeValueAsString(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        JsonNode answer = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Opens a URL and waits for its load event. */
    public void navigate(String url) throws Exception {
        CompletableFuture<JsonNode> loaded = expect("Page.loadEventFired");
        send("Page.navigate", json.createObjectNode().put("url", url));
        loaded.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs a click whose effect is a navigation, and waits for the new page's load event. */
    public void clickAndWaitForLoad(String selector) throws Exception {
        CompletableFuture<JsonNode> loaded = expect("Page.loadEventFired");
        click(selector);
        loaded.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", json.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A real mouse click in the middle of the first element matching the selector. */
    public void click(String selector) throws Exception {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + json.writeValueAsString(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new IllegalStateException("nothing matches " + selector);
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", json.createObjectNode().put("type", type)
                    .put("x", box.get("x").asDouble()).put("y", box.get("y").asDouble())
                    .put("button", "left").put("clickCount", 1));
        }
    }

    /** Types text into the focused element as a user would. */
    public void type(String text) throws Exception {
        send("Input.insertText", json.createObjectNode().put("text", text));
    }

    /** Saves a PNG of the viewport. */
    public void screenshot(Path file) throws Exception {
        JsonNode shot = send("Page.captureScreenshot", json.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Console errors, uncaught exceptions and failed loads seen so far. */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private CompletableFuture<JsonNode> expect(String method) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        waiters.add(new Waiter(method, future));
        return future;
    }

    private void onEvent(String method, JsonNode params) {
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                String level = params.path("type").asText();
                if ("error".equals(level) || "assert".equals(level)) {
                    errors.add("console." + level + ": " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if ("error".equals(entry.path("level").asText())) {
                    errors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
                }
            }
            default -> {
            }
        }
        synchronized (waiters) {
            Predicate<Waiter> matches = w -> w.method().equals(method);
            waiters.stream().filter(matches).forEach(w -> w.future().complete(params));
            waiters.removeIf(matches);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = json.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    } else {
                        onEvent(message.path("method").asText(), message.path("params"));
                    }
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // the browser is going away anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        deleteProfile();
    }

    /**
     * Chromium's helper processes may still be removing cache files ({@code todelete_…}) after the main process
     * ended: a file that vanishes during the walk is simply gone already, not a failure.
     */
    private void deleteProfile() throws java.io.IOException {
        Files.walkFileTree(userDataDir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                    throws java.io.IOException {
                Files.deleteIfExists(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) throws java.io.IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, java.io.IOException e) {
                // a directory a helper is still writing into may not be empty yet: leave it to the OS's temp cleanup
                dir.toFile().delete();
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }
}
