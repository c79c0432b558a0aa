package io.jumbe.server.docs;

import io.jumbe.docs.DocsResources;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The docs site packaged in the docs-site jar, served at {@code /docs/}, and the OpenAPI document at
 * {@code /openapi.yaml}. Public: a developer reads them before holding any key.
 */
public final class DocsHandlers implements RouteGroup {
    private final DocsResources docs;
    private final Supplier<String> publicBaseUrl;

    /**
     * @param publicBaseUrl this platform's address ({@code PUBLIC_BASE_URL}), listed first in the served
     *                      document's {@code servers} so that tools importing it (Postman, Insomnia, generators)
     *                      call this platform, not {@code localhost:8080}
     */
    public DocsHandlers(DocsResources docs, Supplier<String> publicBaseUrl) {
        this.docs = docs;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/docs", this::root);
        routes.get("/docs/<path>", ctx -> file(ctx, ctx.pathParam("path")));
        routes.get("/openapi.yaml", ctx -> send(ctx, "openapi.yaml", withServer(docs.openApiYaml(), publicBaseUrl.get())));
    }

    /**
     * The pages link to each other relatively, so {@code /docs} must become {@code /docs/}. Javalin matches both
     * spellings to this route (it ignores trailing slashes), hence the look at the raw request path.
     */
    private void root(Context ctx) {
        if (ctx.req().getRequestURI().endsWith("/")) {
            file(ctx, "");
        } else {
            String query = ctx.queryString();
            ctx.redirect("/docs/" + (query == null ? "" : "?" + query), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
        }
    }

    /**
     * The document with {@code url} as its first server, unless it lists it already. A text insertion rather than
     * a YAML round trip, so the served document keeps the comments, order and quoting of the file.
     */
    static byte[] withServer(byte[] yaml, String url) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        int servers = text.indexOf("\nservers:\n");
        if (servers < 0 || text.contains("\n  - url: " + base + "\n")) {
            return yaml;
        }
        int at = servers + "\nservers:\n".length();
        String entry = "  - url: " + base + "\n    description: This platform (PUBLIC_BASE_URL)\n";
        return (text.substring(0, at) + entry + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private void file(Context ctx, String path) {
        byte[] body = docs.read(path).orElseThrow(() -> new HttpProblem(404, "not_found", "No such page: " + ctx.path()));
        send(ctx, path, body);
    }

    private static void send(Context ctx, String path, byte[] body) {
        ctx.status(200);
        ctx.contentType(DocsResources.contentType(path));
        ctx.result(body);
    }
}
