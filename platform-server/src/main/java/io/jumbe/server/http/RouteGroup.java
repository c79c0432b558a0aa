package io.jumbe.server.http;

import io.javalin.config.RoutesConfig;

/** A feature's endpoints, registered on the app by the composition root. */
@FunctionalInterface
public interface RouteGroup {
    void register(RoutesConfig routes);
}
