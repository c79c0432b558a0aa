package io.jumbe.server.docs;

import io.jumbe.docs.DocsResources;
import io.jumbe.server.http.HttpProblem;
import io.jumbe.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The docs site packaged in the docs-site jar, served at {@code /docs/}, and the OpenAPI document at
 * {@code /openapi.yaml}. Public: a developer reads them before holding any key.
 */
public final class DocsHandlers implements RouteGroup {
    private final DocsResources docs;

    public DocsHandlers(DocsResources docs) {
        this.docs = docs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/docs", this::root);
        routes.get("/docs/<path>", ctx -> file(ctx, ctx.pathParam("path")));
        routes.get("/openapi.yaml", ctx -> send(ctx, "openapi.yaml", docs.openApiYaml()));
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
