package io.jumbe.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Serves a generated site under {@code /docs/} on a free local port, as the platform server will, and records every 404. */
final class SiteServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json",
            "yaml", "application/yaml; charset=utf-8", "png", "image/png", "svg", "image/svg+xml");

    private final HttpServer server;
    private final Path root;
    private final List<String> notFound = Collections.synchronizedList(new ArrayList<>());

    SiteServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The site's address, ending in {@code /docs/}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/docs/";
    }

    /** Paths that were asked for and not found. */
    List<String> notFound() {
        synchronized (notFound) {
            return List.copyOf(notFound);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/docs")) {
                exchange.getResponseHeaders().set("Location", "/docs/");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            Path file = null;
            if (path.startsWith("/docs/")) {
                String relative = path.substring("/docs/".length());
                file = root.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
            }
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                notFound.add(path);
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
