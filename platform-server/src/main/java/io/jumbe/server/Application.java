package io.jumbe.server;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.store.Database;
import io.jumbe.core.webhooks.WebhookService;
import io.jumbe.core.webhooks.WebhookSettings;
import io.jumbe.server.account.AccountHandlers;
import io.jumbe.server.http.HttpMetrics;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.http.RouteGroup;
import io.jumbe.server.webhooks.WebhookHandlers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The composition root: builds the core over a database, the HTTP face over the core, and the job workers, by
 * hand and in one place. Tests start it on port 0 over a test database; {@code jumbe serve} over the configured one.
 */
public final class Application implements AutoCloseable {
    private final JumbeConfig config;
    private final Jumbe platform;
    private final JumbeServer server;
    private final JobRunner jobs;

    public Application(JumbeConfig config, Database database, Clock clock) {
        this.config = config;
        this.platform = Jumbe.builder().database(database).clock(clock)
                .webhookSettings(WebhookSettings.from(config)).build();
        Idempotency idempotency = new Idempotency(platform.idempotency());
        HttpMetrics metrics = new HttpMetrics(platform.jobs());
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new AccountHandlers(platform.wallet()));
        groups.add(new WebhookHandlers(platform.webhooks(), idempotency));
        this.server = new JumbeServer(platform, metrics, groups);
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        this.jobs = new JobRunner(platform.jobs(), clock, workerId, List.of(platform.webhooks().queueSpec()));
        platform.webhooks().onNewWork(() -> jobs.wake(WebhookService.QUEUE));
    }

    /** Starts serving on the port given (0 picks a free one), then the workers. */
    public Application start(int port) {
        server.start(port);
        jobs.start();
        return this;
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

    @Override
    public void close() {
        jobs.close();
        server.close();
        platform.close();
    }
}
