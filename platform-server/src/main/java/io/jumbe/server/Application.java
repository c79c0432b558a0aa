package io.jumbe.server;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.store.Database;
import io.jumbe.docs.DocsResources;
import io.jumbe.server.account.AccountHandlers;
import io.jumbe.server.docs.DocsHandlers;
import io.jumbe.server.http.HttpMetrics;
import io.jumbe.server.http.RouteGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import io.javalin.config.JavalinConfig;

/**
 * The composition root: builds the core over a database, the HTTP face over the core, and the job workers, by
 * hand and in one place. Tests start it on port 0 over a test database; {@code jumbe serve} over the configured one.
 */
public final class Application implements AutoCloseable {
    private final JumbeConfig config;
    private final Jumbe platform;
    private final JumbeServer server;
    private final JobRunner jobs;
    private final Housekeeping housekeeping;

    public Application(JumbeConfig config, Database database, Clock clock) {
        this.config = config;
        this.platform = Jumbe.builder().database(database).clock(clock).build();
        HttpMetrics metrics = new HttpMetrics(platform.jobs());
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new AccountHandlers(platform.wallet()));
        groups.add(new DocsHandlers(new DocsResources()));
        List<Consumer<JavalinConfig>> mounts = new ArrayList<>();
        this.server = new JumbeServer(platform, metrics, groups, mounts, config.rateLimits());
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        this.jobs = new JobRunner(platform.jobs(), clock, workerId, List.of());
        this.housekeeping = new Housekeeping(platform);
    }

    /** Starts serving on the port given (0 picks a free one), then the workers. */
    public Application start(int port) {
        server.start(port);
        jobs.start();
        housekeeping.start();
        return this;
    }

    /** Every endpoint the server registered, {@code METHOD /path}. */
    public List<String> routes() {
        return server.routes();
    }

    public Jumbe platform() {
        return platform;
    }

    public JumbeConfig config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * How upstreams reach this server (callback URLs): {@code PUBLIC_BASE_URL} when it was set, else this server's
     * own address, known once it listens (tests start on port 0).
     */
    public String publicBaseUrl() {
        String defaulted = "http://localhost:" + config.port();
        return config.publicBaseUrl().equals(defaulted) ? server.baseUrl() : config.publicBaseUrl();
    }

    @Override
    public void close() {
        housekeeping.close();
        jobs.close();
        server.close();
        platform.close();
    }
}
