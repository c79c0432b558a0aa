package io.jumbe.server;

import io.jumbe.core.Jumbe;
import io.jumbe.core.config.JumbeConfig;
import io.jumbe.core.jobs.JobRunner;
import io.jumbe.core.sms.MessageExpiry;
import io.jumbe.core.sms.SmsDispatcher;
import io.jumbe.core.sms.SmsGateway;
import io.jumbe.core.sms.onfon.OnfonClient;
import io.jumbe.core.sms.onfon.OnfonConfig;
import io.jumbe.server.http.Idempotency;
import io.jumbe.server.simulator.onfon.OnfonSimulator;
import io.jumbe.server.sms.DeliveryReportHandlers;
import io.jumbe.server.sms.SmsHandlers;
import io.jumbe.server.sms.SmsTuning;
import java.util.Optional;
import java.util.function.Supplier;
import io.jumbe.core.store.Database;
import io.jumbe.server.account.AccountHandlers;
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
    private final OnfonSimulator onfonSimulator;
    private final SmsDispatcher smsDispatcher;
    private final MessageExpiry messageExpiry;

    public Application(JumbeConfig config, Database database, Clock clock) {
        this(config, database, clock, SmsTuning.defaults());
    }

    /** @param smsTuning dispatch timings ({@link SmsTuning#fast()} in tests) */
    public Application(JumbeConfig config, Database database, Clock clock, SmsTuning smsTuning) {
        this.config = config;
        this.platform = Jumbe.builder().database(database).clock(clock)
                .refundOnDeliveryFailure(config.refundOnDeliveryFailure()).build();
        HttpMetrics metrics = new HttpMetrics(platform.jobs());
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new AccountHandlers(platform.wallet()));
        List<Consumer<JavalinConfig>> mounts = new ArrayList<>();
        String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        // SMS: send endpoints, Onfon delivery reports, the built-in simulator when no account is configured
        String dlrToken = platform.settings().secretToken("ONFON_DLR_TOKEN", config.onfon().dlrToken());
        groups.add(new SmsHandlers(platform.sms(), new Idempotency(platform.idempotency())));
        groups.add(new DeliveryReportHandlers(platform.sms().lifecycle(), () -> dlrToken));
        JumbeConfig.Onfon onfon = config.onfon();
        if (onfon.simulated()) {
            this.onfonSimulator = new OnfonSimulator(OnfonSimulator.DEFAULT_MOUNT_PREFIX, onfon.accessKey(),
                    onfon.apiKey(), onfon.clientId(), smsTuning.simulatorDlrDelay(), OnfonClient.defaultHttpClient());
            onfonSimulator.dlrUrl(() -> publicBaseUrl() + DeliveryReportHandlers.PATH + dlrToken);
            mounts.add(onfonSimulator::addRoutes);
        } else {
            this.onfonSimulator = null;
        }
        Supplier<SmsGateway> gateway = new Supplier<>() {
            private volatile SmsGateway client;

            @Override
            public SmsGateway get() {
                if (client == null) {
                    synchronized (this) {
                        if (client == null) {
                            // the simulator's address is known only once the server listens
                            String base = onfon.simulated() ? server.baseUrl() + OnfonSimulator.DEFAULT_MOUNT_PREFIX
                                    : onfon.baseUrl();
                            client = new OnfonClient(new OnfonConfig(base, onfon.accessKey(), onfon.apiKey(),
                                    onfon.clientId()));
                        }
                    }
                }
                return client;
            }
        };
        this.smsDispatcher = new SmsDispatcher(platform.jdbi(), platform.jobs(), clock, gateway,
                platform.sms().lifecycle(), platform.alerts(), SmsDispatcher.Settings.defaults(onfon.maxTps())
                .withTimings(smsTuning.pollInterval(), smsTuning.lease(), smsTuning.backoff(), smsTuning.upstreamPause()),
                workerId);
        platform.sms().onQueued(smsDispatcher::wake);
        this.messageExpiry = new MessageExpiry(platform.sms().lifecycle(), config.dlrExpiry(), smsTuning.expiryEvery());
        io.micrometer.core.instrument.Gauge.builder("onfon_dispatch_paused", smsDispatcher, d -> d.paused() ? 1 : 0)
                .description("1 while SMS dispatch is paused because Onfon refused our account (021, keys)")
                .register(metrics.registry());
        io.micrometer.core.instrument.FunctionCounter.builder("onfon_dispatch_pauses_total", smsDispatcher,
                        SmsDispatcher::upstreamPauses)
                .description("Times SMS dispatch was paused by an upstream account refusal")
                .register(metrics.registry());
        this.server = new JumbeServer(platform, metrics, groups, mounts);
        this.jobs = new JobRunner(platform.jobs(), clock, workerId, List.of());
    }

    /** Starts serving on the port given (0 picks a free one), then the workers. */
    public Application start(int port) {
        server.start(port);
        jobs.start();
        smsDispatcher.start();
        messageExpiry.start();
        return this;
    }

    /** The built-in Onfon simulator, present when no Onfon account is configured. */
    public Optional<OnfonSimulator> onfonSimulator() {
        return Optional.ofNullable(onfonSimulator);
    }

    public SmsDispatcher smsDispatcher() {
        return smsDispatcher;
    }

    public MessageExpiry messageExpiry() {
        return messageExpiry;
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
        messageExpiry.close();
        smsDispatcher.close();
        jobs.close();
        server.close();
        if (onfonSimulator != null) {
            onfonSimulator.close();
        }
        platform.close();
    }
}
